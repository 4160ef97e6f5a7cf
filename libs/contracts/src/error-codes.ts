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
  // identity and access
  Unauthenticated = 'UNAUTHENTICATED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  CsrfTokenInvalid = 'CSRF_TOKEN_INVALID',
  RoleNotAllowed = 'ROLE_NOT_ALLOWED',
  AccountRequired = 'ACCOUNT_REQUIRED',
  KeyScopeMissing = 'KEY_SCOPE_MISSING',
  KeyNotAllowed = 'KEY_NOT_ALLOWED',
  RateLimited = 'RATE_LIMITED',
  // accounts
  OrganizationNotFound = 'ORGANIZATION_NOT_FOUND',
  SignUpClosed = 'SIGN_UP_CLOSED',
  InvitationInvalid = 'INVITATION_INVALID',
  EmailTaken = 'EMAIL_TAKEN',
  GuestGone = 'GUEST_GONE',
  GuestsNotAllowed = 'GUESTS_NOT_ALLOWED',
  WrongPassword = 'WRONG_PASSWORD',
  SessionNotFound = 'SESSION_NOT_FOUND',
  UserNotFound = 'USER_NOT_FOUND',
  UserExists = 'USER_EXISTS',
  KeyNotFound = 'KEY_NOT_FOUND',
  // cohorts
  CohortNotFound = 'COHORT_NOT_FOUND',
  WebhookRedeliveryFilterInvalid = 'WEBHOOK_REDELIVERY_FILTER_INVALID',
  NotificationNotFound = 'NOTIFICATION_NOT_FOUND',
  WebhookEndpointNotFound = 'WEBHOOK_ENDPOINT_NOT_FOUND',
  WebhookDeliveryNotFound = 'WEBHOOK_DELIVERY_NOT_FOUND',
  WebhookTargetRefused = 'WEBHOOK_TARGET_REFUSED',
  WebhookEndpointDisabled = 'WEBHOOK_ENDPOINT_DISABLED',
  // LTI grade passback and roster sync
  LtiContextNotFound = 'LTI_CONTEXT_NOT_FOUND',
  LtiGradeSyncNotFound = 'LTI_GRADE_SYNC_NOT_FOUND',
  LtiServiceNotOffered = 'LTI_SERVICE_NOT_OFFERED',
  LtiPlatformFailed = 'LTI_PLATFORM_FAILED',
  JoinCodeInvalid = 'JOIN_CODE_INVALID',
  AssignmentNotFound = 'ASSIGNMENT_NOT_FOUND',
  AssignmentExists = 'ASSIGNMENT_EXISTS',
  NotAMember = 'NOT_A_MEMBER',
  NothingToRegrade = 'NOTHING_TO_REGRADE',
  RegradeNotFound = 'REGRADE_NOT_FOUND',
  // LTI 1.3 (docs/lti.md)
  LtiPlatformNotFound = 'LTI_PLATFORM_NOT_FOUND',
  LtiPlatformExists = 'LTI_PLATFORM_EXISTS',
  LtiUrlRefused = 'LTI_URL_REFUSED',
  LtiLoginInvalid = 'LTI_LOGIN_INVALID',
  LtiTokenInvalid = 'LTI_TOKEN_INVALID',
  LtiStateInvalid = 'LTI_STATE_INVALID',
  LtiDeploymentNotRegistered = 'LTI_DEPLOYMENT_NOT_REGISTERED',
  LtiMessageInvalid = 'LTI_MESSAGE_INVALID',
  LtiLaunchTokenInvalid = 'LTI_LAUNCH_TOKEN_INVALID',
  LtiDeepLinkInvalid = 'LTI_DEEP_LINK_INVALID',
  LtiRegistrationInvalid = 'LTI_REGISTRATION_INVALID',
  LtiRegistrationFailed = 'LTI_REGISTRATION_FAILED',
  // lists and retries
  InvalidCursor = 'INVALID_CURSOR',
  InvalidIdempotencyKey = 'INVALID_IDEMPOTENCY_KEY',
  IdempotencyKeyReused = 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyInProgress = 'IDEMPOTENCY_IN_PROGRESS',
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
