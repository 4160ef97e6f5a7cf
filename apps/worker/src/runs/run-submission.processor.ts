// Unpacks a run-submission job and hands it to RunSubmissionService; nothing else lives here.
import { Injectable, Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { errorMessage } from '@asynclab/config';
import { InvalidJobPayloadError, parseRunSubmissionJob, RUN_SUBMISSION_JOB } from '@asynclab/jobs';
import { RunSubmissionService } from './run-submission.service';

@Injectable()
export class RunSubmissionProcessor {
  private readonly logger = new Logger(RunSubmissionProcessor.name);

  constructor(private readonly runs: RunSubmissionService) {}

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
