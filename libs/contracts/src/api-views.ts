// The bodies of the REST API (/api/v1) as the API builds them and the web page and LMSs read
// them. Dates are Date on the server and ISO strings on the wire: `Wire<T>` is the client's view.
import type { ReportOutcome } from './harness-report.generated';
import type { SubmissionReport } from './submission-report';
import type { SubmissionStatus } from './submission-status';

export type LabKind = 'fix-code' | 'fix-tests' | 'playground';
export type Files = Record<string, string>;

/** What anyone may see of a lab: never hidden tests, solutions or variants. */
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
  /** fix-tests labs: the correct code the learner's tests exercise, read-only. */
  codeUnderTest?: Files;
}

export interface SubmissionAccepted {
  id: string;
  status: SubmissionStatus;
}

export interface SubmissionView {
  id: string;
  labId: string;
  status: SubmissionStatus;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  learnerId: string | null;
  files: Files;
  report: SubmissionReport | null;
}

export interface HistoryEntry {
  id: string;
  labId: string;
  status: SubmissionStatus;
  outcome: ReportOutcome | null;
  runOutcome: string | null;
  score: number | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** A value as it arrives over JSON: every Date becomes its ISO string. */
export type Wire<T> = T extends Date ? string : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
