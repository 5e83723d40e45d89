export * from './reader-keys';
export * from './audience-view';
export * from './reference-guard';
export * from './audience-feed';
export * from './projects';
