export * from './config';
export * from './settings';
export * from './engine-settings';
