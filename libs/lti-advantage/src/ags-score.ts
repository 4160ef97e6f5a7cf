// The pure parts of grade passback (AGS 2.0 Score Publish Service): the grade a learner's
// attempts make, whether it differs from the one the platform holds, and the Score body.
export const LINE_ITEM_MEDIA_TYPE = 'application/vnd.ims.lis.v2.lineitem+json';
export const LINE_ITEM_CONTAINER_MEDIA_TYPE = 'application/vnd.ims.lis.v2.lineitemcontainer+json';
export const SCORE_MEDIA_TYPE = 'application/vnd.ims.lis.v1.score+json';

/** Our scores run from 0 to 100 (libs/grading/src/scoring.ts). */
export const SCORE_MAXIMUM = 100;

export type ActivityProgress = 'Submitted' | 'Completed';

export interface GradeToPublish {
  scoreGiven: number;
  scoreMaximum: number;
  /** Completed once an attempt passed; Submitted while the learner has attempts but no pass. */
  activityProgress: ActivityProgress;
}

export interface AttemptsGrade {
  bestScore: number | null;
  passed: boolean;
}

/** The grade to publish for the learner's counted attempts, or null when none carries a score. */
export function gradeToPublish(grade: AttemptsGrade | null): GradeToPublish | null {
  if (!grade || grade.bestScore === null) return null;
  const scoreGiven = Math.min(SCORE_MAXIMUM, Math.max(0, grade.bestScore));
  return { scoreGiven, scoreMaximum: SCORE_MAXIMUM, activityProgress: grade.passed ? 'Completed' : 'Submitted' };
}

export interface PublishedGrade {
  score: number | null;
  progress: string | null;
}

export type PublishDecision = 'publish' | 'unchanged' | 'nothing-to-publish';

/** Once per change: a grade equal to the one the platform accepted last is not posted again, unless forced (a retry). */
export function decidePublish(next: GradeToPublish | null, last: PublishedGrade, force = false): PublishDecision {
  if (!next) return 'nothing-to-publish';
  if (force) return 'publish';
  return last.score === next.scoreGiven && last.progress === next.activityProgress ? 'unchanged' : 'publish';
}

export interface ScoreBody {
  userId: string;
  scoreGiven: number;
  scoreMaximum: number;
  activityProgress: ActivityProgress;
  gradingProgress: 'FullyGraded';
  timestamp: string;
}

/** A Score for the learner's platform subject; the timestamp (with milliseconds) is when it is sent. */
export function scoreBody(subject: string, grade: GradeToPublish, now: Date): ScoreBody {
  return {
    userId: subject,
    scoreGiven: grade.scoreGiven,
    scoreMaximum: grade.scoreMaximum,
    activityProgress: grade.activityProgress,
    gradingProgress: 'FullyGraded',
    timestamp: now.toISOString(),
  };
}

/** The scores endpoint: the line item URL with /scores appended to its path (its query kept). */
export function scoresUrlOf(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/scores`;
  return url.toString();
}

/** The line items container filtered by our resource id (the assignment id), its query kept. */
export function lineItemsQueryUrl(lineItemsUrl: string, resourceId: string): string {
  const url = new URL(lineItemsUrl);
  url.searchParams.set('resource_id', resourceId);
  return url.toString();
}
