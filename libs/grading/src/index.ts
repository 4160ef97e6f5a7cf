// The one place a run is judged, a variant counted as caught, a verdict and a score decided.
export * from './run-rules';
export * from './run-plan';
export * from './grade-run';
export * from './verdict';
export * from './scoring';
export * from './lab-self-check';
