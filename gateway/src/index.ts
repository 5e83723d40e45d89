export * from './composition';
export * from './gateway-server';
export * from './development-routes';
export * from './forwarding';
export * from './public-routes';
export * from './subgraph-client';
