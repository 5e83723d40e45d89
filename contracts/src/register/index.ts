export * from './project';
export * from './project-events';
