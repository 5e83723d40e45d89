export * from './people/person';
export * from './people/person.errors';
export * from './people/person.decider';
export * from './audits/skills-audit';
export * from './audits/skills-audit.decider';
export * from './involvements/involvement';
export * from './involvements/involvement.decider';
