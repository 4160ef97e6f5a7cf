// Types and constants that cross a process boundary (harness -> worker -> database -> API ->
// browser/LMS). No runtime dependencies: the web page imports this library too.
export * from './harness-report';
export * from './submission-report';
export * from './submission-status';
export * from './api-views';
export * from './live-events';
export * from './error-codes';
export * from './run-names';
export * from './graded-run';
export * from './account-views';
export * from './cohort-views';
export * from './book-chapters';
export * from './webhooks';
export * from './lti';
export * from './lti-grades';
