// Where a queued submission stands in line: its job's place among the waiting jobs (1 = next).
// BullMQ's own queue events say when the line changes (a job joined it, a job left it to run),
// through one listener per process; all streams then share one read of the wait list, so a burst
// of changes costs one LRANGE rather than one per open browser tab.
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { Observable, Subject } from 'rxjs';
import { errorMessage, RedisConnections } from '@asynclab/config';
import { RUN_SUBMISSION_QUEUE, runSubmissionJobId } from '@asynclab/jobs';

/** A snapshot older than this is read again even without an event (an event can be lost). */
const SNAPSHOT_MAX_AGE_MS = 1_000;

/** The queue events after which places in line differ. */
const LINE_EVENTS = ['waiting', 'active', 'removed', 'delayed'] as const;

export interface LineChange {
  jobId: string;
  kind: (typeof LINE_EVENTS)[number];
}

interface Snapshot {
  takenAt: number;
  /** Waiting job ids, the next one to run first. */
  waiting: Promise<string[]>;
}

@Injectable()
export class QueuePositionService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(QueuePositionService.name);
  private readonly queueEvents: QueueEvents;
  private readonly changes = new Subject<LineChange>();
  private snapshot: Snapshot | null = null;

  /** Someone joined or left the line. */
  readonly lineChanged$: Observable<LineChange> = this.changes.asObservable();

  constructor(
    @InjectQueue(RUN_SUBMISSION_QUEUE) private readonly queue: Queue,
    redis: RedisConnections,
  ) {
    this.queueEvents = new QueueEvents(RUN_SUBMISSION_QUEUE, { connection: redis.bullmq('consumer'), autorun: false });
    this.queueEvents.on('error', (error: Error) => {
      this.logger.warn(`queue events: ${error.message}`);
    });
    for (const kind of LINE_EVENTS) {
      this.queueEvents.on(kind, ({ jobId }: { jobId: string }) => {
        this.snapshot = null; // before the streams hear of it, so they read the new line
        this.changes.next({ jobId, kind });
      });
    }
  }

  onModuleInit(): void {
    this.queueEvents.run().catch((error: unknown) => {
      this.logger.warn(`queue events stopped: ${errorMessage(error)}`);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.changes.complete();
    await this.queueEvents.close();
  }

  /** The queue's job id of a submission, as the line changes name it. */
  jobIdOf(submissionId: string): string {
    return runSubmissionJobId(submissionId);
  }

  /** 1-based place in line, or null when the job is not waiting (not queued yet, delayed for a retry, running) or Redis is away. */
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
