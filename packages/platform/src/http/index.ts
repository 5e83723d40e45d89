export * from './forwarded-only';
export * from './request-middleware';
export * from './standard-webhooks';
export * from './problem';
