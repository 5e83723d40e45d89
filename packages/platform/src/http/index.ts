export * from './forwarded-only';
export * from './request-middleware';
export * from './request-body';
export * from './well-formed-text';
export * from './standard-webhooks';
export * from './problem';
