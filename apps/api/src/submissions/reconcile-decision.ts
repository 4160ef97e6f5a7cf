// What the reconciler does about one submission PostgreSQL still waits for, from what Redis
// holds of its job. Pure, so every case is a unit test.
export type JobInRedis =
  | { kind: 'missing'; runningOnLiveWorker: boolean }
  /** Waiting, delayed or active: BullMQ will deliver it (or its stalled check will). */
  | { kind: 'pending' }
  | { kind: 'completed' | 'failed'; finishedOn: number };

export type Repair = 'none' | 'requeue' | 'retry-failed' | 'replace-finished';

export function decideRepair(job: JobInRedis, now: number, graceMs: number): Repair {
  switch (job.kind) {
    case 'pending':
      return 'none';
    case 'missing':
      // After a FLUSHALL a live worker may still be running it; its report lands by itself.
      return job.runningOnLiveWorker ? 'none' : 'requeue';
    case 'failed':
      // The worker's own failure handler records a final failure in PostgreSQL; if PostgreSQL was
      // down at that moment the submission stayed open. Give the handler its grace first.
      return now - job.finishedOn > graceMs ? 'retry-failed' : 'none';
    case 'completed':
      return now - job.finishedOn > graceMs ? 'replace-finished' : 'none';
  }
}
