// Every error the API answers carries one of these codes (docs/api-errors.md lists them with their
// HTTP status). Clients match on the code, never on the message: add codes, never rename one.
export enum ErrorCode {
  // request shape
  InvalidJson = 'INVALID_JSON',
  ValidationFailed = 'VALIDATION_FAILED',
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  NotFound = 'NOT_FOUND',
  Internal = 'INTERNAL',
  // labs
  LabNotFound = 'LAB_NOT_FOUND',
  // submissions
  SubmissionNotFound = 'SUBMISSION_NOT_FOUND',
  LearnerRequired = 'LEARNER_REQUIRED',
  FileNotEditable = 'FILE_NOT_EDITABLE',
  // submission files
  FilesNotAnObject = 'FILES_NOT_AN_OBJECT',
  NoFiles = 'NO_FILES',
  TooManyFiles = 'TOO_MANY_FILES',
  FileNotText = 'FILE_NOT_TEXT',
  FileNotUtf8 = 'FILE_NOT_UTF8',
  FilesTooLarge = 'FILES_TOO_LARGE',
  InvalidFilePath = 'INVALID_FILE_PATH',
  FileAndFolder = 'FILE_AND_FOLDER',
  // refused for now, not for good: the answer carries Retry-After
  TooManySubmissions = 'TOO_MANY_SUBMISSIONS',
  DatabaseUnavailable = 'DATABASE_UNAVAILABLE',
  QueueUnavailable = 'QUEUE_UNAVAILABLE',
}

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
  requestId?: string;
}
