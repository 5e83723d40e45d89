export * from './query-limits';
export * from './graphql-errors';
export * from './well-formed-input';
export * from './json.scalar';
export * from './subgraph-options';
export * from './request-identity';
export * from './audit-entry';
export * from './contract-inputs';
