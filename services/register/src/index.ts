export * from './projects/project';
export * from './projects/project.errors';
export * from './projects/project.decider';
