export * from './analytics-store';
export * from './analytics-consumer';
