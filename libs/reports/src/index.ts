// The harness report as it arrives from a sandbox: checked against its schema, then trusted.
export * from './parse-run-report';
