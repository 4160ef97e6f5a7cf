// The shapes of the REST API as the page uses them. The report types are the server's own
// (libs/reports), imported as types only, so the page and the API cannot drift apart.
import type { Diagnostic, DiagnosticCode, RunOutcome, TestResult } from '../../../libs/reports/src/run-report';
import type { Score, SubmissionReport, VariantVerdict } from '../../../libs/reports/src/submission-report';

export type { Diagnostic, DiagnosticCode, RunOutcome, Score, SubmissionReport, TestResult, VariantVerdict };

export type LabKind = 'fix-code' | 'fix-tests' | 'playground';
export type Files = Record<string, string>;

export interface LabSummary {
  id: string;
  title: string;
  chapter: number;
  difficulty: string;
  kind: LabKind;
  objectives: string[];
  timeLimitSec: number;
  exhibits: string[];
  version: string;
}

export interface LabDetail extends LabSummary {
  instructions: string;
  editable: string[];
  starterFiles: Files;
  /** Paths relative to tests/, where the run puts them. */
  visibleTests: Files;
  /** fix-tests labs: the correct code the learner's tests exercise. */
  codeUnderTest?: Files;
}

export type SubmissionStatus = 'queued' | 'running' | 'completed' | 'error';

export interface SubmissionView {
  id: string;
  labId: string;
  status: SubmissionStatus;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  learnerId: string | null;
  files: Files;
  report: SubmissionReport | null;
}

export interface HistoryEntry {
  id: string;
  labId: string;
  status: SubmissionStatus;
  outcome: 'pass' | 'fail' | 'error' | null;
  runOutcome: string | null;
  score: number | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One event of GET /submissions/:id/events (apps/api/src/live/live-events.ts). */
export interface StatusEvent {
  id: string;
  status: SubmissionStatus;
  position: number | null;
  at: string;
}

export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  field?: string;
  requestId?: string;
}

export interface Me {
  userId: string;
  organizationId: string;
  organization: string;
  role: 'learner' | 'instructor' | 'admin';
  isGuest: boolean;
  email: string | null;
  displayName: string | null;
  csrfToken: string;
}

export interface SessionView {
  id: string;
  current: boolean;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiKeyCreated extends ApiKeyView {
  /** The whole key: shown once, never again. */
  key: string;
}

export interface UserView {
  id: string;
  role: string;
  email: string | null;
  displayName: string | null;
  externalId: string | null;
  createdAt: string;
}
