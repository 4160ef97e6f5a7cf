// One run of one grade sync: compute the learner's grade for the assignment (the cohort matrix's
// rules), and publish it to the line item unless the platform already holds it (once per change).
// Every publish is an attempt in the log. A failure worth waiting for (no answer, 408, 429, 5xx)
// throws so BullMQ tries again on the backoff (grade-sync.consumer.ts); any other 4xx, or the last
// attempt, ends the sync as failed with its error. When the sync was requested again while this
// ran (a new grade whose job was coalesced into this one), it runs once more.
import { Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { LtiGradeSyncsRepository, type GradeSyncJobFacts, type GradeSyncStatus } from '@asynclab/database';
import { parseSyncLtiGradeJob } from '@asynclab/jobs';
import { AttemptFailed } from '@asynclab/webhooks';
import {
  AgsClient,
  decidePublish,
  gradeScopes,
  gradeToPublish,
  LineItemResolver,
  PlatformServiceError,
  scoreBody,
  type GradeToPublish,
} from '@asynclab/lti-advantage';

/** A failed attempt to try again, with the platform's Retry-After (the queue's backoff honours it). */
export class GradeSyncAttemptFailed extends AttemptFailed {}

/** Runs of one job when grades keep arriving while it publishes (each run reads the grade afresh). */
const MAX_ROUNDS = 3;

@Injectable()
export class GradeSyncProcessor {
  constructor(
    private readonly syncs: LtiGradeSyncsRepository,
    private readonly lineItems: LineItemResolver,
    private readonly ags: AgsClient,
  ) {}

  async process(job: Job): Promise<void> {
    const { syncId } = parseSyncLtiGradeJob(job.data);
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const facts = await this.syncs.findForJob(syncId);
      if (!facts) return; // the assignment, context or learner was deleted with its sync
      const status = await this.runOnce(facts, isLastAttempt);
      if (await this.syncs.finish(syncId, facts.requestedAt, status)) return;
    }
  }

  private async runOnce(facts: GradeSyncJobFacts, isLastAttempt: boolean): Promise<GradeSyncStatus> {
    if (!facts.subject) {
      await this.syncs.markFailed(facts.id, 'the learner is no longer linked to a user of the platform');
      throw new UnrecoverableError('no platform user');
    }
    const grade = gradeToPublish(await this.syncs.gradeOf(facts.organizationId, facts.context.cohortId, facts.assignmentId, facts.userId));
    await this.syncs.noteGrade(facts.id, { scoreGiven: grade?.scoreGiven ?? null, scoreMaximum: grade?.scoreMaximum ?? null });
    const decision = decidePublish(grade, { score: facts.publishedScore, progress: facts.publishedProgress }, facts.force);
    if (decision === 'nothing-to-publish' || !grade) return 'skipped';
    if (decision === 'unchanged') return 'succeeded';
    await this.publish(facts, facts.subject, grade, isLastAttempt);
    return 'succeeded';
  }

  private async publish(facts: GradeSyncJobFacts, subject: string, grade: GradeToPublish, isLastAttempt: boolean): Promise<void> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const score = { scoreGiven: grade.scoreGiven, scoreMaximum: grade.scoreMaximum };
    let lineItemUrl: string | undefined;
    try {
      const scopes = gradeScopes(facts.context.agsScopes);
      lineItemUrl = await this.lineItems.resolve(facts, scopes);
      const answer = await this.ags.postScore(facts.platform, scopes, lineItemUrl, scoreBody(subject, grade, new Date()));
      await this.syncs.recordAttempt(facts.id, {
        status: 'succeeded',
        httpCode: answer.status,
        durationMs: elapsed(),
        error: null,
        ...score,
      });
      await this.syncs.markPublished(facts.id, { score: grade.scoreGiven, progress: grade.activityProgress, lineItemUrl });
    } catch (error) {
      const failure = error instanceof PlatformServiceError ? error : null;
      const message = (error as Error).message;
      await this.syncs.recordAttempt(facts.id, {
        status: 'failed',
        httpCode: failure?.httpCode ?? null,
        durationMs: elapsed(),
        error: message,
        ...score,
      });
      // Our own failures (the database, a lock that timed out) are retried like a platform's 5xx.
      const retryable = failure ? failure.retryable : true;
      if (!retryable || isLastAttempt) {
        await this.syncs.markFailed(facts.id, message, lineItemUrl);
        throw new UnrecoverableError(message);
      }
      await this.syncs.noteError(facts.id, message);
      throw new GradeSyncAttemptFailed(message, failure?.retryAfter);
    }
  }
}
