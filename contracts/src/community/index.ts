export * from './person';
export * from './events';
export * from './topic';
export * from './award';
export * from './benchmarking';
