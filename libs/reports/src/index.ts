export * from './run-report';
export * from './parse-run-report';
export * from './submission-report';
