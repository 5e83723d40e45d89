export * from './person';
export * from './events';
