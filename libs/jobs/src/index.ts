export * from './queue-names';
export * from './run-submission.job';
export * from './submission-queue.module';
