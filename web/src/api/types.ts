// The shapes of the REST API as the page receives them: the server's own declarations
// (libs/contracts), imported as types only and seen through Wire<> (dates arrive as strings), so
// the page and the API cannot drift apart.
import type {
  HistoryEntry as ServerHistoryEntry,
  StatusEventData,
  SubmissionView as ServerSubmissionView,
  Wire,
} from '../../../libs/contracts/src';

export type {
  ApiErrorBody,
  Diagnostic,
  DiagnosticCode,
  Files,
  LabDetail,
  LabKind,
  LabSummary,
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
