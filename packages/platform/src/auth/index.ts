export * from './identity';
export * from './forwarded-identity';
export * from './development-issuer';
export * from './roles';
