// Test helpers for services built on the kit: fixtures, engine targets for contract suites,
// polling, worker processes. Imported as '@ebp/eventing/testing', never from production code.
export * from './events';
export * from './sql-targets';
export * from './document-targets';
export * from './bus-targets';
export * from './wait';
export * from './worker-process';
export * from './bench-engines';
