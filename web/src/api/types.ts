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
