// The record of roster syncs (NRPS): one row per run, whoever started it. A scheduled run claims
// its (context, slot) by an insert on the unique key, so however many workers hold a job for the
// same slot, one syncs; its retries take the row back only while it waits for them ('retrying'),
// or when the worker that held it died mid-run (a 'running' row untouched for STALE_RUN).
import { Injectable } from '@nestjs/common';
import type { RosterSyncCounts } from '@asynclab/contracts';
import { PrismaService } from '../prisma.service';

export type RosterSyncTriggerRow = 'schedule' | 'launch' | 'request';

/** What a finished roster sync counted (the roster sync service's answer, stored with its run). */
export type RosterSyncOutcome = RosterSyncCounts;

/** One run: its counts are null until it succeeded. */
export type RosterSyncRunRow = { [K in keyof RosterSyncOutcome]: RosterSyncOutcome[K] | null } & {
  id: string;
  contextId: string;
  trigger: string;
  slotAt: Date | null;
  status: string;
  attempts: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
};

/** Longer than any sync can run (50 pages at the request timeout): a 'running' row older is a dead worker's. */
const STALE_RUN_MINUTES = 15;
/** Runs kept per context; older ones are deleted as new ones finish. */
const KEPT_RUNS = 50;

@Injectable()
export class LtiRosterSyncsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A launch's or a request's run, started now. */
  async start(contextId: string, trigger: Exclude<RosterSyncTriggerRow, 'schedule'>): Promise<string> {
    const row = await this.prisma.ltiRosterSync.create({ data: { contextId, trigger }, select: { id: true } });
    return row.id;
  }

  /**
   * Claims the scheduled run of (context, slot): its id, or null when it is another's (running,
   * or finished: the slot was synced). A retry of the job takes back its own row waiting for it.
   */
  async claimSlot(contextId: string, slotAt: Date): Promise<string | null> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO lti_roster_syncs (id, context_id, trigger, slot_at, status, attempts)
      VALUES (gen_random_uuid(), ${contextId}::uuid, 'schedule', ${slotAt}, 'running', 1)
      ON CONFLICT (context_id, slot_at) DO UPDATE
        SET status = 'running', attempts = lti_roster_syncs.attempts + 1, updated_at = clock_timestamp()
        WHERE lti_roster_syncs.status = 'retrying'
           OR (lti_roster_syncs.status = 'running'
               AND lti_roster_syncs.updated_at < clock_timestamp() - make_interval(mins => ${STALE_RUN_MINUTES}))
      RETURNING id`;
    return rows[0]?.id ?? null;
  }

  async succeeded(runId: string, outcome: RosterSyncOutcome): Promise<void> {
    const run = await this.prisma.ltiRosterSync.update({
      where: { id: runId },
      data: { ...outcome, status: 'succeeded', error: null, finishedAt: new Date() },
      select: { contextId: true },
    });
    await this.prune(run.contextId);
  }

  /** A failed attempt: 'retrying' when another comes (the error shows meanwhile), else 'failed'. */
  async failed(runId: string, error: string, final: boolean): Promise<void> {
    const run = await this.prisma.ltiRosterSync.update({
      where: { id: runId },
      data: { status: final ? 'failed' : 'retrying', error: error.slice(0, 2000), finishedAt: final ? new Date() : null },
      select: { contextId: true },
    });
    if (final) await this.prune(run.contextId);
  }

  /**
   * Every kept run of each context (at most KEPT_RUNS a context), newest first, in one query: a
   * page of contexts is shown with its runs without a query per context.
   */
  async runsOf(contextIds: string[]): Promise<Map<string, RosterSyncRunRow[]>> {
    const runs = new Map<string, RosterSyncRunRow[]>(contextIds.map((id) => [id, []]));
    if (contextIds.length === 0) return runs;
    const rows = await this.prisma.ltiRosterSync.findMany({
      where: { contextId: { in: contextIds } },
      orderBy: [{ startedAt: 'desc' }, { id: 'desc' }],
    });
    for (const row of rows) runs.get(row.contextId)?.push(row);
    return runs;
  }

  private async prune(contextId: string): Promise<void> {
    await this.prisma.$executeRaw`
      DELETE FROM lti_roster_syncs WHERE context_id = ${contextId}::uuid AND id NOT IN (
        SELECT id FROM lti_roster_syncs WHERE context_id = ${contextId}::uuid ORDER BY started_at DESC, id DESC LIMIT ${KEPT_RUNS})`;
  }
}
