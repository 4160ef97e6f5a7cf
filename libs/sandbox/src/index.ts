export * from './sandbox-driver';
export * from './docker-sandbox.driver';
export * from './sandbox-reaper';
export * from './sandbox-labels';
export * from './fake-sandbox.driver';
export * from './output-tail';
export * from './pack-files';
