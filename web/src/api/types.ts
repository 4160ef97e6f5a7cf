// The shapes of the REST API as the page receives them: the server's own declarations
// (libs/contracts), imported as types only and seen through Wire<> (dates arrive as strings), so
// the page and the API cannot drift apart.
import type {
  ApiKeyCreated as ServerApiKeyCreated,
  ApiKeyListing,
  HistoryEntry as ServerHistoryEntry,
  SessionListing,
  UserListing,
  StatusEventData,
  SubmissionView as ServerSubmissionView,
  Wire,
  CohortView as ServerCohortView,
  CohortDashboard as ServerCohortDashboard,
  CohortAnalytics as ServerCohortAnalytics,
  MyAssignment as ServerMyAssignment,
  MatrixRow as ServerMatrixRow,
  MatrixCell as ServerMatrixCell,
  AssignmentView as ServerAssignmentView,
  RegradePreview as ServerRegradePreview,
  RegradeView as ServerRegradeView,
  GradeSyncView as ServerGradeSyncView,
  GradeSyncPage as ServerGradeSyncPage,
  LtiContextView as ServerLtiContextView,
  LtiContextPage as ServerLtiContextPage,
  RosterSyncResult,
  WebhookEndpointView as ServerWebhookEndpointView,
  WebhookDeliveryPage as ServerWebhookDeliveryPage,
  WebhookDeliveryView as ServerWebhookDeliveryView,
  OrganizationNotificationView as ServerNotificationView,
} from '../../../libs/contracts/src';

export type {
  ApiErrorBody,
  Diagnostic,
  DiagnosticCode,
  Files,
  LabDetail,
  LabKind,
  LabSummary,
  Me,
  RunOutcome,
  Score,
  SubmissionAccepted,
  SubmissionReport,
  SubmissionStatus,
  TestResult,
  VariantVerdict,
} from '../../../libs/contracts/src';

export type SubmissionView = Wire<ServerSubmissionView>;
export type HistoryEntry = Wire<ServerHistoryEntry>;
/** One `status` event of GET /submissions/:id/events. */
export type StatusEvent = StatusEventData;
export type SessionView = Wire<SessionListing>;
export type ApiKeyView = Wire<ApiKeyListing>;
export type ApiKeyCreated = Wire<ServerApiKeyCreated>;
export type UserView = Wire<UserListing>;
export type CohortView = Wire<ServerCohortView>;
export type CohortDashboard = Wire<ServerCohortDashboard>;
export type CohortAnalytics = Wire<ServerCohortAnalytics>;
export type MyAssignment = Wire<ServerMyAssignment>;
export type MatrixRow = Wire<ServerMatrixRow>;
export type MatrixCell = Wire<ServerMatrixCell>;
export type { LatePolicy } from '../../../libs/contracts/src';
export type AssignmentView = Wire<ServerAssignmentView>;
export type GradeSyncView = Wire<ServerGradeSyncView>;
export type GradeSyncPage = Wire<ServerGradeSyncPage>;
export type LtiContextView = Wire<ServerLtiContextView>;
export type LtiContextPage = Wire<ServerLtiContextPage>;
export type RosterSyncRunView = LtiContextView['rosterSyncs'][number];
export type { RosterSyncResult };
export type RegradePreview = Wire<ServerRegradePreview>;
export type RegradeView = Wire<ServerRegradeView>;
export type WebhookEndpointView = Wire<ServerWebhookEndpointView>;
export type WebhookDeliveryPage = Wire<ServerWebhookDeliveryPage>;
export type WebhookDeliveryView = Wire<ServerWebhookDeliveryView>;
export type NotificationView = Wire<ServerNotificationView>;
export type { WebhookRedeliveryResult, WebhookDeliveryStatus } from '../../../libs/contracts/src';
