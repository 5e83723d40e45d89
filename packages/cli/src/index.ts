export * from './register-service';
export * from './serialized';
