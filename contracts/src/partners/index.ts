export * from './partner';
export * from './events';
export * from './topic';
