// Where a queued submission stands in line: its job's place among the waiting jobs (1 = next).
// All streams of the process share one read of the wait list, refreshed when a job leaves it, so
// a burst of status changes costs one LRANGE rather than one per open browser tab.
import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Subscription, filter } from 'rxjs';
import { RUN_SUBMISSION_QUEUE, runSubmissionJobId } from '@asynclab/jobs';
import { SubmissionEventsHub } from './submission-events.hub';

/** A snapshot older than this is read again: new jobs join the back of the line without an event. */
const SNAPSHOT_MAX_AGE_MS = 1_000;

interface Snapshot {
  takenAt: number;
  /** Waiting job ids, the next one to run first. */
  waiting: Promise<string[]>;
}

@Injectable()
export class QueuePositionService implements OnModuleDestroy {
  private snapshot: Snapshot | null = null;
  private readonly jobStarted: Subscription;

  constructor(
    @InjectQueue(RUN_SUBMISSION_QUEUE) private readonly queue: Queue,
    hub: SubmissionEventsHub,
  ) {
    // Subscribed before any stream is, so the snapshot is dropped before the streams ask again.
    this.jobStarted = hub.events$.pipe(filter((event) => event.status === 'running')).subscribe(() => {
      this.snapshot = null;
    });
  }

  onModuleDestroy(): void {
    this.jobStarted.unsubscribe();
  }

  /** 1-based place in line, or null when the job is not waiting (delayed for a retry, running, gone) or Redis is away. */
  async positionOf(submissionId: string): Promise<number | null> {
    const jobId = runSubmissionJobId(submissionId);
    let index = (await this.waitingIds(false)).indexOf(jobId);
    // Not in a snapshot taken before the job was queued: one fresh read settles it.
    if (index < 0) index = (await this.waitingIds(true)).indexOf(jobId);
    return index < 0 ? null : index + 1;
  }

  private waitingIds(fresh: boolean): Promise<string[]> {
    const now = Date.now();
    if (fresh || !this.snapshot || now - this.snapshot.takenAt > SNAPSHOT_MAX_AGE_MS) {
      const waiting = this.queue.getRanges(['wait'], 0, -1, true).catch(() => [] as string[]);
      this.snapshot = { takenAt: now, waiting };
    }
    return this.snapshot.waiting;
  }
}
