// Unpacks a run-submission job and hands it to RunSubmissionService; nothing else lives here.
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { DelayedError, Job, UnrecoverableError, WaitingError } from 'bullmq';
import { InvalidJobPayloadError, parseRunSubmissionJob, RUN_SUBMISSION_JOB, RUN_SUBMISSION_QUEUE } from '@asynclab/jobs';
import { RunningJobs } from '../fleet/running-jobs';
import { RunSubmissionService } from './run-submission.service';
import { InfraOutageProbe } from './infra-outage';

/** How long a job waits when its run failed because Docker or PostgreSQL was down. */
const OUTAGE_RETRY_MS = 3_000;

/**
 * Stalled jobs (docs/operations.md). A worker renews its lock on each running job every
 * lockDuration / 2; a job whose worker died (SIGKILL, lost machine, lost network) keeps its lock
 * until it lapses, and the next stalled check of any live worker (every stalledInterval) moves it
 * back to waiting. 10 s instead of BullMQ's 30 s, so a learner waits at most ~15 s for the retry;
 * not lower, because a worker whose event loop or Redis link pauses longer than that would have
 * its healthy run taken away and run twice (harmless, one report, but wasted). A sandbox runs in
 * Docker, not on the worker's event loop, so the loop stays free to renew. maxStalledCount 2:
 * two deaths mid-run are infrastructure trouble, a third ends the job (marked infra-error, never
 * the learner's fault) rather than letting a run that kills its worker loop forever.
 */
export const LOCK_DURATION_MS = 10_000;
export const STALLED_INTERVAL_MS = 5_000;
export const MAX_STALLED_COUNT = 2;

// autorun is off: WorkerBootstrap first checks the sandbox image and reaps orphans, then runs it.
@Processor(RUN_SUBMISSION_QUEUE, { autorun: false, lockDuration: LOCK_DURATION_MS, stalledInterval: STALLED_INTERVAL_MS, maxStalledCount: MAX_STALLED_COUNT })
export class RunSubmissionProcessor extends WorkerHost implements OnApplicationShutdown {
  private readonly logger = new Logger(RunSubmissionProcessor.name);

  constructor(
    private readonly runs: RunSubmissionService,
    private readonly running: RunningJobs,
    private readonly probe: InfraOutageProbe,
  ) {
    super();
  }

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
    this.running.add(String(job.id));
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
      this.logger.warn(`job ${job.id} waits ${OUTAGE_RETRY_MS / 1000} s, no attempt spent: ${outage} (${(error as Error).message})`);
      await this.runs.handBack(payload.submissionId).catch(() => undefined);
      await job.moveToDelayed(Date.now() + OUTAGE_RETRY_MS, token);
      throw new DelayedError();
    } finally {
      this.running.delete(String(job.id));
    }
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
