// What the cohort endpoints answer: the instructor's dashboard (learners x assignments), the bug
// analytics, and a learner's own assignments. Dates cross the wire as ISO strings (Wire<T>).
import type { DiagnosticCode } from './harness-report';

export type LatePolicy = 'accept' | 'penalty' | 'lock';
export const LATE_POLICIES: readonly LatePolicy[] = ['accept', 'penalty', 'lock'];

export interface AssignmentView {
  id: string;
  labId: string;
  labTitle: string;
  opensAt: Date;
  dueAt: Date;
  latePolicy: LatePolicy;
  latePenaltyPerDay: number;
}

export interface CohortView {
  id: string;
  name: string;
  joinCode: string;
  /** The page a learner opens to join: /join/<code>. */
  joinPath: string;
  memberCount: number;
  createdAt: Date;
  assignments: AssignmentView[];
}

export interface CohortLearner {
  userId: string;
  email: string | null;
  displayName: string | null;
  externalId: string | null;
  joinedAt: Date;
}

/** One learner's standing on one assignment. Late attempts under "lock" are not counted. */
export interface MatrixCell {
  assignmentId: string;
  labId: string;
  attempts: number;
  /** Best score after the late penalty; null before any graded attempt. */
  bestScore: number | null;
  passed: boolean;
  /** First pass after the learner's due date, or not passed and the due date has gone by. */
  late: boolean;
  lastActivityAt: Date | null;
  /** The learner's own due date (an extension, or the assignment's). */
  dueAt: Date;
  extended: boolean;
  attemptsToPass: number | null;
  /** From the first attempt to the first pass. */
  msToPass: number | null;
}

export interface MatrixRow {
  learner: CohortLearner;
  cells: MatrixCell[];
}

export interface DiagnosticCount {
  code: DiagnosticCode;
  /** Attempts that hit the code. */
  attempts: number;
  learners: number;
}

export interface AssignmentStats {
  assignmentId: string;
  labId: string;
  learners: number;
  /** Passed / learners, 0..1. */
  completionRate: number;
  medianAttemptsToPass: number | null;
  medianMsToPass: number | null;
  topDiagnostics: DiagnosticCount[];
}

export interface CohortDashboard {
  cohort: CohortView;
  rows: MatrixRow[];
  /** Empty for a learner, who sees only their own row. */
  stats: AssignmentStats[];
}

export interface CodeDay {
  day: string;
  code: DiagnosticCode;
  attempts: number;
}

export interface LearnerCode {
  userId: string;
  code: DiagnosticCode;
  attempts: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** Every lab where the code appeared has a later attempt without it. */
  fixed: boolean;
}

export interface StuckLearner {
  userId: string;
  assignmentId: string;
  labId: string;
  attempts: number;
  /** The code every one of the last attempts hit. */
  code: DiagnosticCode;
  lastActivityAt: Date;
}

export interface CohortAnalytics {
  codesOverTime: CodeDay[];
  learnerCodes: LearnerCode[];
  stuck: StuckLearner[];
  /** How "stuck" is decided, so a page can say it. */
  stuckRule: { minAttempts: number; repeatedInLast: number };
}

/** A learner's assignment as their catalog shows it. */
export interface MyAssignment extends AssignmentView {
  cohortId: string;
  cohortName: string;
  /** Their own due date (after any extension). */
  myDueAt: Date;
  status: 'not-started' | 'attempted' | 'passed' | 'overdue' | 'locked' | 'upcoming';
  attempts: number;
  bestScore: number | null;
}

/** Before a regrade: how many latest submissions an older lab version graded, and whether its tests changed. */
export interface RegradePreview {
  assignmentId: string;
  labId: string;
  currentVersionId: string;
  staleSubmissions: number;
  /** The hidden tests (or broken variants) differ between those versions and the current one. */
  gradingChanged: boolean;
}

/** A regrade job's progress, counted from the re-run submissions as the workers grade them. */
export interface RegradeView {
  id: string;
  assignmentId: string;
  labVersionId: string;
  total: number;
  queued: number;
  running: number;
  completed: number;
  failed: number;
  finished: boolean;
  createdAt: Date;
}
