export * from './project';
export * from './project-events';
export * from './priority';
export * from './topic';
export * from './programme';
export * from './meeting';
