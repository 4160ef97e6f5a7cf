// Grades one submission: plan its sandbox runs from the lab version it was made against, run
// them, judge each (libs/grading), store every result and the verdict in one transaction. Safe
// to call twice for the same submission: the second call finds it claimed-and-completed or loses
// the unique-key race.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { GradedRun } from '@asynclab/contracts';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { filesFromColumn, LabsRepository, SubmissionsRepository } from '@asynclab/database';
import { decideVerdict, gradeRun, planRuns } from '@asynclab/grading';
import { labContentFromStored } from '@asynclab/lab-catalog';
import { SANDBOX_DRIVER, SandboxDriver } from '@asynclab/sandbox';
import { WebhookDispatcher } from '@asynclab/webhooks';
import { LtiGradePassback } from '@asynclab/lti-advantage';
import { SubmissionEventsPublisher } from './submission-events.publisher';

export type RunSubmissionOutcome = 'stored' | 'already-done' | 'missing';

@Injectable()
export class RunSubmissionService {
  private readonly logger = new Logger(RunSubmissionService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SANDBOX_DRIVER) private readonly sandbox: SandboxDriver,
    private readonly submissions: SubmissionsRepository,
    private readonly labs: LabsRepository,
    private readonly events: SubmissionEventsPublisher,
    private readonly webhooks: WebhookDispatcher,
    private readonly gradePassback: LtiGradePassback,
  ) {}

  /** `signal` aborts the run when the worker hands it back (shutdown); the sandbox is killed at once. */
  async run(submissionId: string, signal?: AbortSignal): Promise<RunSubmissionOutcome> {
    const submission = await this.submissions.findForRun(submissionId);
    if (!submission) return 'missing';
    if (!(await this.submissions.claimForRun(submissionId))) return 'already-done';
    await this.events.publish(submissionId, 'running');
    const version = await this.labs.findVersion(submission.labVersionId);
    if (!version) throw new Error(`lab version ${submission.labVersionId} of submission ${submissionId} is missing`);
    const lab = labContentFromStored(version.content);

    const runs: GradedRun[] = [];
    for (const plan of planRuns(lab, filesFromColumn(submission.files))) {
      const result = await this.sandbox.run({
        runId: `${submissionId}/${plan.variant}`,
        files: plan.files,
        config: plan.config,
        timeLimitMs: plan.timeLimitMs,
        signal,
      });
      runs.push(gradeRun(plan, result, this.config.sandbox));
    }

    const stored = await this.submissions.complete(submissionId, runs, decideVerdict(lab.manifest, runs));
    if (!stored) {
      this.logger.warn(`submission ${submissionId} already had its report; this duplicate run was dropped`);
      return 'already-done';
    }
    await this.events.publish(submissionId, 'completed');
    // The grade is stored whatever happens to its webhooks: a failure here is logged, not retried.
    await this.webhooks.submissionCompleted(submissionId).catch((error: unknown) => {
      this.logger.warn(`webhooks for submission ${submissionId} not emitted: ${(error as Error).message}`);
    });
    // The same for grade passback to LTI platforms (AGS): a sync row per linked assignment, then its job.
    await this.gradePassback.submissionGraded(submissionId).catch((error: unknown) => {
      this.logger.warn(`LTI grade syncs for submission ${submissionId} not requested: ${(error as Error).message}`);
    });
    return 'stored';
  }

  /** The run goes back to the queue: the submission is queued again and the attempt does not count. */
  async handBack(submissionId: string): Promise<void> {
    await this.submissions.handBack(submissionId);
    await this.events.publish(submissionId, 'queued');
  }

  async giveUp(submissionId: string, reason: string): Promise<void> {
    await this.submissions.markInfraError(submissionId, reason);
    await this.events.publish(submissionId, 'error');
  }
}
