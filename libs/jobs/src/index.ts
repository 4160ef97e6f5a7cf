export * from './queue-names';
export * from './run-submission.job';
export * from './submission-events';
export * from './redis-safety';
export * from './worker-registry';
