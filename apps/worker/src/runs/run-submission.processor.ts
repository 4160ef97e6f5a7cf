// Unpacks a run-submission job and hands it to RunSubmissionService; nothing else lives here,
// except telling a failed run from a run the worker gave back or an outage took away.
import { Injectable, Logger } from '@nestjs/common';
import { DelayedError, Job, UnrecoverableError, WaitingError } from 'bullmq';
import { errorMessage } from '@asynclab/config';
import { InvalidJobPayloadError, parseRunSubmissionJob, RUN_SUBMISSION_JOB } from '@asynclab/jobs';
import { RunningJobs } from '../fleet/running-jobs';
import { RunSubmissionService } from './run-submission.service';
import { InfraOutageProbe } from './infra-outage';

/** How long a job waits when its run failed because Docker or PostgreSQL was down. */
const OUTAGE_RETRY_MS = 3_000;

@Injectable()
export class RunSubmissionProcessor {
  private readonly logger = new Logger(RunSubmissionProcessor.name);

  constructor(
    private readonly runs: RunSubmissionService,
    private readonly running: RunningJobs,
    private readonly probe: InfraOutageProbe,
  ) {}

  /** `signal` fires when the worker hands its runs back (graceful shutdown past its grace). */
  async process(job: Job, token?: string, signal?: AbortSignal): Promise<string> {
    if (job.name !== RUN_SUBMISSION_JOB) throw new UnrecoverableError(`no handler for job ${job.name}`);
    let payload;
    try {
      payload = parseRunSubmissionJob(job.data);
    } catch (error) {
      if (error instanceof InvalidJobPayloadError) throw new UnrecoverableError(`bad payload: ${error.message}`);
      throw error;
    }
    const jobId = String(job.id);
    this.running.add(jobId);
    try {
      return await this.runs.run(payload.submissionId, signal);
    } catch (error) {
      if (signal?.aborted) {
        // Handed back, not failed: straight to waiting for another worker, no attempt spent.
        await this.runs.handBack(payload.submissionId).catch(() => undefined);
        await job.moveToWait(token);
        throw new WaitingError();
      }
      const outage = await this.probe.outage();
      if (!outage) throw error; // a real failure of this run: BullMQ retries it with backoff
      this.logger.warn(`job ${jobId} waits ${OUTAGE_RETRY_MS / 1000} s, no attempt spent: ${outage} (${(error as Error).message})`);
      await this.runs.handBack(payload.submissionId).catch(() => undefined);
      await job.moveToDelayed(Date.now() + OUTAGE_RETRY_MS, token);
      throw new DelayedError();
    } finally {
      this.running.delete(jobId);
    }
  }

  /** After the last retry the submission is marked infra-error: never a silent loss. */
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    const attempts = job.opts.attempts ?? 1;
    const final = job.attemptsMade >= attempts || error instanceof UnrecoverableError || error.name === 'UnrecoverableError';
    this.logger.warn(`job ${job.id} failed (attempt ${job.attemptsMade}/${attempts}): ${error.message}`);
    // The payload came through Redis: it may be anything, even null.
    const submissionId = (job.data as { submissionId?: unknown } | null | undefined)?.submissionId;
    if (final && typeof submissionId === 'string') {
      await this.runs.giveUp(submissionId, error.message).catch((e: unknown) => {
        this.logger.error(errorMessage(e));
      });
    }
  }
}
