export * from './errors';
export * from './parse';
export * from './envelope';
export * from './json-schema';
