import { DomainException } from '../common/domain.exception';

export class SubmissionsException extends DomainException {}

/** A submission's files break a rule of submission-files.ts. */
export class SubmissionFilesError extends SubmissionsException {}
