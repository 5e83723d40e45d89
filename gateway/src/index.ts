export * from './composition';
export * from './gateway-server';
export * from './development-routes';
