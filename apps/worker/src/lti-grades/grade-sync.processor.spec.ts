import { UnrecoverableError, type Job } from 'bullmq';
import type { GradeSyncJobFacts, LearnerGrade, LtiGradeSyncsRepository } from '@asynclab/database';
import { PlatformServiceError, type AgsClient, type LineItemResolver, type ScoreBody } from '@asynclab/lti-advantage';
import { GradeSyncAttemptFailed, GradeSyncProcessor } from './grade-sync.processor';

const SYNC_ID = '3f1c2b7e-8a34-4a8e-9c51-0d2f6e1b9a77';

/** The repository's contract over one sync row (the real one runs in the e2e tests). */
class OneSync {
  facts: GradeSyncJobFacts = {
    id: SYNC_ID,
    organizationId: 'org',
    assignmentId: 'a1',
    userId: 'u1',
    requestedAt: new Date('2026-12-01T10:00:00Z'),
    force: false,
    publishedScore: null,
    publishedProgress: null,
    context: { id: 'c1', cohortId: 'k1', lineitemsUrl: 'https://lms.test/lineitems', agsScopes: [] },
    platform: { id: 'p1', clientId: 'client', authTokenUrl: 'https://lms.test/token', authTokenAudience: null, allowPrivate: false },
    assignment: { labId: 'lab', labTitle: 'Lab', opensAt: new Date(), dueAt: new Date() },
    subject: 'sub-1',
    resourceLinkLineItems: [],
  };
  grades: (LearnerGrade | null)[] = [{ attempts: 1, bestScore: 60, passed: false }];
  attempts: { status: string; httpCode: number | null; error: string | null }[] = [];
  status = 'pending';
  lastError: string | null = null;
  /** Requests that arrive while a run publishes (one per run, in order). */
  requestsDuringRun: boolean[] = [];

  findForJob = () => Promise.resolve({ ...this.facts });
  gradeOf = () => Promise.resolve(this.grades.length > 1 ? (this.grades.shift() ?? null) : this.grades[0]);
  noteGrade = () => Promise.resolve();
  recordAttempt = (_id: string, attempt: { status: string; httpCode: number | null; error: string | null }) => {
    this.attempts.push(attempt);
    return Promise.resolve();
  };
  markPublished = (_id: string, published: { score: number; progress: string }) => {
    this.facts.publishedScore = published.score;
    this.facts.publishedProgress = published.progress;
    return Promise.resolve();
  };
  noteError = (_id: string, error: string) => {
    this.lastError = error;
    return Promise.resolve();
  };
  markFailed = (_id: string, error: string) => {
    this.status = 'failed';
    this.lastError = error;
    return Promise.resolve();
  };
  finish = (_id: string, requestedAt: Date, status: string) => {
    if (this.requestsDuringRun.shift()) {
      this.facts.requestedAt = new Date(requestedAt.getTime() + 1000);
      return Promise.resolve(false);
    }
    this.status = status;
    return Promise.resolve(true);
  };
}

function build(answers: (number | PlatformServiceError)[]) {
  const repo = new OneSync();
  const posted: ScoreBody[] = [];
  const ags = {
    postScore: (_p: unknown, _s: unknown, _url: string, score: ScoreBody) => {
      posted.push(score);
      const answer = answers.shift() ?? 200;
      return answer instanceof PlatformServiceError ? Promise.reject(answer) : Promise.resolve({ status: answer });
    },
  } as unknown as AgsClient;
  const lineItems = { resolve: () => Promise.resolve('https://lms.test/lineitems/1') } as unknown as LineItemResolver;
  const processor = new GradeSyncProcessor(repo as unknown as LtiGradeSyncsRepository, lineItems, ags);
  const job = (attemptsMade = 0, attempts = 4) =>
    ({ data: { version: 1, syncId: SYNC_ID }, attemptsMade, opts: { attempts } }) as unknown as Job;
  return { repo, posted, processor, job };
}

describe('GradeSyncProcessor', () => {
  it('publishes a new grade once and logs the attempt; the same grade again posts nothing', async () => {
    const { repo, posted, processor, job } = build([200]);
    await processor.process(job());
    expect(posted.map((p) => [p.userId, p.scoreGiven, p.activityProgress])).toEqual([['sub-1', 60, 'Submitted']]);
    expect(repo.attempts).toMatchObject([{ status: 'succeeded', httpCode: 200, error: null, scoreGiven: 60, scoreMaximum: 100 }]);
    expect(repo.status).toBe('succeeded');
    await processor.process(job());
    expect(posted).toHaveLength(1);
    expect(repo.attempts).toHaveLength(1);
  });

  it('skips a learner with no counted attempt', async () => {
    const { repo, posted, processor, job } = build([]);
    repo.grades = [null];
    await processor.process(job());
    expect(posted).toEqual([]);
    expect(repo.status).toBe('skipped');
  });

  it('throws a retryable failure to be tried again, keeping the sync pending with its error', async () => {
    const { repo, processor, job } = build([new PlatformServiceError('score: the platform answered 503', 503, '5')]);
    const failure = await processor.process(job()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GradeSyncAttemptFailed);
    expect((failure as GradeSyncAttemptFailed).retryAfter).toBe('5');
    expect(repo.status).toBe('pending');
    expect(repo.lastError).toContain('503');
    expect(repo.attempts).toMatchObject([{ status: 'failed', httpCode: 503 }]);
  });

  it('ends the sync failed on a 4xx, and on the last attempt of a retryable failure', async () => {
    const refused = build([new PlatformServiceError('score: the platform answered 403', 403)]);
    await expect(refused.processor.process(refused.job())).rejects.toBeInstanceOf(UnrecoverableError);
    expect(refused.repo.status).toBe('failed');
    const last = build([new PlatformServiceError('no answer within 10 ms', null)]);
    await expect(last.processor.process(last.job(3, 4))).rejects.toBeInstanceOf(UnrecoverableError);
    expect(last.repo.status).toBe('failed');
  });

  it('runs again when a better grade was requested while it published', async () => {
    const { repo, posted, processor, job } = build([200, 200]);
    repo.grades = [
      { attempts: 1, bestScore: 60, passed: false },
      { attempts: 2, bestScore: 100, passed: true },
    ];
    repo.requestsDuringRun = [true];
    await processor.process(job());
    expect(posted.map((p) => [p.scoreGiven, p.activityProgress])).toEqual([
      [60, 'Submitted'],
      [100, 'Completed'],
    ]);
    expect(repo.status).toBe('succeeded');
  });

  it('refuses a sync whose learner is no longer linked to the platform', async () => {
    const { repo, processor, job } = build([]);
    repo.facts.subject = null;
    await expect(processor.process(job())).rejects.toBeInstanceOf(UnrecoverableError);
    expect(repo.lastError).toContain('no longer linked');
  });
});
