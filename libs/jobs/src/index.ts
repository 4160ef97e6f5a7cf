export * from './queue-names';
export * from './run-submission.job';
