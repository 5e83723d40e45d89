export * from './forwarded-only';
export * from './request-middleware';
