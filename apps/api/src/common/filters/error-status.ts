// The HTTP status of every error code, decided here at the edge. A code without a status does not
// compile (Record over the enum); docs/api-errors.md lists the same table for clients.
import { ErrorCode } from '@asynclab/contracts';

export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  [ErrorCode.InvalidJson]: 400,
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Internal]: 500,
  [ErrorCode.LabNotFound]: 404,
  [ErrorCode.SubmissionNotFound]: 404,
  [ErrorCode.LearnerRequired]: 400,
  [ErrorCode.FileNotEditable]: 400,
  [ErrorCode.FilesNotAnObject]: 400,
  [ErrorCode.NoFiles]: 400,
  [ErrorCode.TooManyFiles]: 400,
  [ErrorCode.FileNotText]: 400,
  [ErrorCode.FileNotUtf8]: 400,
  [ErrorCode.FileAndFolder]: 400,
  [ErrorCode.FilesTooLarge]: 413,
  [ErrorCode.InvalidFilePath]: 400,
  [ErrorCode.TooManySubmissions]: 429,
  [ErrorCode.DatabaseUnavailable]: 503,
  [ErrorCode.QueueUnavailable]: 503,
};

/** Codes that mean "not now": their answers say when to come back (Retry-After, seconds). */
export const RETRY_AFTER_SEC_OF: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.TooManySubmissions]: 1,
  [ErrorCode.DatabaseUnavailable]: 5,
  [ErrorCode.QueueUnavailable]: 5,
};
