// Nest hosting for services, apart from the main entry so the gateway and tools do not load Nest.
export * from './subgraph-host';
