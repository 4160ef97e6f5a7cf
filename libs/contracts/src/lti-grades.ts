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

/** What a roster sync counted. */
export interface RosterSyncCounts {
  pages: number;
  members: number;
  usersCreated: number;
  learnersAdded: number;
  learnersRemoved: number;
  /** Active learners the roster lists who were members already. */
  learnersKept: number;
  instructors: number;
  inactive: number;
  /** False when the page bound stopped the paging: nobody was removed for being absent. */
  complete: boolean;
}

export interface RosterSyncResult extends RosterSyncCounts {
  contextId: string;
  cohortId: string;
}

export const ROSTER_SYNC_TRIGGERS = ['schedule', 'launch', 'request'] as const;
export type RosterSyncTrigger = (typeof ROSTER_SYNC_TRIGGERS)[number];
export const ROSTER_SYNC_STATUSES = ['running', 'retrying', 'succeeded', 'failed'] as const;
export type RosterSyncStatus = (typeof ROSTER_SYNC_STATUSES)[number];

/** One run of a context's roster sync; the counts are null until it succeeded. */
export type RosterSyncRunView = { [K in keyof RosterSyncCounts]: RosterSyncCounts[K] | null } & {
  id: string;
  trigger: RosterSyncTrigger;
  /** The schedule's slot (null for a launch's or a request's run). */
  slotAt: Date | null;
  status: RosterSyncStatus;
  attempts: number;
  /** The platform's last error (also while a scheduled run waits for its retry). */
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

/** An LMS course context linked to a cohort, with its roster syncs. */
export interface LtiContextView {
  id: string;
  platformId: string;
  /** The platform's own id of the course. */
  contextId: string;
  cohortId: string;
  title: string | null;
  /** Whether launches carried a names and roles service (NRPS) for it. */
  namesAndRoles: boolean;
  /** How often the worker syncs its roster; null when the scheduled sync is off. */
  rosterSyncIntervalMinutes: number | null;
  /** The latest run that finished (succeeded or failed), or null. */
  lastRosterSync: RosterSyncRunView | null;
  /** The latest runs, newest first (at most 10), including one under way. */
  rosterSyncs: RosterSyncRunView[];
  /** When a launch first linked the course. */
  createdAt: Date;
}

/** A page of the organisation's LMS course contexts, newest first. */
export interface LtiContextPage {
  contexts: LtiContextView[];
  nextCursor: string | null;
}
