export * from './projects/project';
export * from './projects/project.errors';
export * from './projects/project.decider';
export * from './priorities/priority';
export * from './priorities/priority.decider';
