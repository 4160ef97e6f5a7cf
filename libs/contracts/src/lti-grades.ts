// The API views of LTI grade passback and roster sync (docs/lti-grades.md).
export const GRADE_SYNC_STATUSES = ['pending', 'succeeded', 'failed', 'skipped'] as const;
export type GradeSyncStatusView = (typeof GRADE_SYNC_STATUSES)[number];

export interface GradeSyncAttemptView {
  status: 'succeeded' | 'failed';
  /** The platform's answer to the request that ended the attempt; null when none came. */
  httpCode: number | null;
  durationMs: number;
  error: string | null;
  scoreGiven: number | null;
  scoreMaximum: number | null;
  createdAt: Date;
}

export interface GradeSyncView {
  id: string;
  contextId: string;
  assignmentId: string;
  userId: string;
  status: GradeSyncStatusView;
  lineItemUrl: string | null;
  /** The grade as last computed (the cohort matrix's best score after the late policy). */
  scoreGiven: number | null;
  scoreMaximum: number | null;
  /** The score the platform last accepted; null before the first. */
  publishedScore: number | null;
  publishedAt: Date | null;
  lastError: string | null;
  requestedAt: Date;
  updatedAt: Date;
  /** Newest first, the last 20. */
  attempts: GradeSyncAttemptView[];
}

/** A page of the grade sync log, most recently changed first. */
export interface GradeSyncPage {
  syncs: GradeSyncView[];
  /** Pass as cursor for the next (older) page; null on the last. */
  nextCursor: string | null;
}

export interface RosterSyncResult {
  contextId: string;
  cohortId: string;
  pages: number;
  members: number;
  usersCreated: number;
  learnersAdded: number;
  learnersRemoved: number;
  instructors: number;
  inactive: number;
  complete: boolean;
}
