// What the worker's sweepers share: walk the rows that should have a job in Redis, a batch per
// sweep in the rows' own order (a long backlog is all looked at in turn, the next sweep going on
// from where this one stopped), and queue again each one whose job Redis does not hold. Adding is
// safe from every worker at once: the job id is derived from the row, so a second add is a no-op.

export interface LostJobSteps<Row> {
  /** The next rows older than `before` (the grace period) after `after` (null: from the first), at most `limit`. */
  batch(before: Date, after: Row | null, limit: number): Promise<Row[]>;
  has(row: Row): Promise<boolean>;
  add(row: Row): Promise<void>;
}

export class LostJobPass<Row> {
  /** Where the next sweep goes on from; null: from the first row. */
  private cursor: Row | null = null;

  constructor(
    private readonly steps: LostJobSteps<Row>,
    private readonly batchSize: number,
  ) {}

  /** How many rows it queued again; a Redis failure is thrown (the sweep says so and tries next time). */
  async run(before: Date): Promise<number> {
    const batch = await this.steps.batch(before, this.cursor, this.batchSize);
    this.cursor = batch.length < this.batchSize ? null : (batch.at(-1) ?? null);
    let queued = 0;
    for (const row of batch) {
      if (await this.steps.has(row)) continue;
      await this.steps.add(row);
      queued += 1;
    }
    return queued;
  }
}
