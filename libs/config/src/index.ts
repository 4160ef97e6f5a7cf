export * from './app-config';
export * from './config.module';
export * from './redis-connections';
export * from './error-message';
export * from './redis-timeout';
