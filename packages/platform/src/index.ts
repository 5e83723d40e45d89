export * from './config';
export * from './auth';
export * from './graphql';
export * from './observability';
export * from './http';
export * from './process/run-until-stopped';
