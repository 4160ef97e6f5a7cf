export * from './queue-names';
export * from './run-submission.job';
export * from './submission-queue.module';
export * from './redis-safety';
export * from './worker-registry';
export * from './deliver-webhook.job';
export * from './sync-lti-grade.job';
export * from './sync-lti-roster.job';
