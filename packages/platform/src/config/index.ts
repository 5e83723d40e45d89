export * from './config';
export * from './settings';
export * from './engine-settings';
export * from './engines-env-file';
