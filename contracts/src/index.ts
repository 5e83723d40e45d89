export * from './errors';
export * from './parse';
export * from './envelope';
export * from './published-event';
export * from './upcasting';
export * as register from './register';
export * from './json-schema';
export * as community from './community';
export * as dissemination from './dissemination';
