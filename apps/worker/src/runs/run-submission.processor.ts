// Unpacks a run-submission job and hands it to RunSubmissionService; nothing else lives here.
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { InvalidJobPayloadError, parseRunSubmissionJob, RUN_SUBMISSION_JOB, RUN_SUBMISSION_QUEUE } from '@asynclab/jobs';
import { RunSubmissionService } from './run-submission.service';

/**
 * A job whose worker died (SIGKILL, lost machine) is handed to another worker once its lock
 * lapses: 10 s here instead of BullMQ's 30 s, so a learner waits less for the retry.
 */
export const LOCK_DURATION_MS = 10_000;
export const STALLED_INTERVAL_MS = 5_000;

// autorun is off: WorkerBootstrap first checks the sandbox image and reaps orphans, then runs it.
@Processor(RUN_SUBMISSION_QUEUE, { autorun: false, lockDuration: LOCK_DURATION_MS, stalledInterval: STALLED_INTERVAL_MS, maxStalledCount: 2 })
export class RunSubmissionProcessor extends WorkerHost implements OnApplicationShutdown {
  private readonly logger = new Logger(RunSubmissionProcessor.name);

  constructor(private readonly runs: RunSubmissionService) {
    super();
  }

  async process(job: Job): Promise<string> {
    if (job.name !== RUN_SUBMISSION_JOB) throw new UnrecoverableError(`no handler for job ${job.name}`);
    let payload;
    try {
      payload = parseRunSubmissionJob(job.data);
    } catch (error) {
      if (error instanceof InvalidJobPayloadError) throw new UnrecoverableError(`bad payload: ${error.message}`);
      throw error;
    }
    return this.runs.run(payload.submissionId);
  }

  /** After the last retry the submission is marked infra-error: never a silent loss. */
  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const final = job.attemptsMade >= attempts || error instanceof UnrecoverableError || error.name === 'UnrecoverableError';
    this.logger.warn(`job ${job.id} failed (attempt ${job.attemptsMade}/${attempts}): ${error.message}`);
    const submissionId = (job.data as { submissionId?: unknown })?.submissionId;
    if (final && typeof submissionId === 'string') {
      await this.runs.giveUp(submissionId, error.message).catch((e: Error) => this.logger.error(e.message));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker.close();
  }
}
