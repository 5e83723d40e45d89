export * from './attendance';
export * from './events';
export * from './learning';
export * from './library';
export * from './pipeline';
export * from './topic';
export * from './forum';
export * from './digest';
