export * from './lti-claims';
export * from './lti-roles';
export * from './lti-key-store';
export * from './sign-with-active-key';
export * from './lti.module';
export * from './launch-claims';
export * from './verify-id-token';
export * from './deep-linking-response';
