// The sweeper's two passes over fakes of the repository and the queue (the real thing is in
// test/e2e/webhooks-sweeper.e2e-spec.ts and the fault suite): what it queues, where it stops when
// Redis is still away, and how the lost-job pass walks a backlog a batch at a time.
import type { AppConfig } from '@asynclab/config';
import type { SweptDelivery, WebhookDeliveriesRepository } from '@asynclab/database';
import type { DeliveryEnqueuer, WebhookQueue } from '@asynclab/webhooks';
import { WebhookSweeper } from './webhook-sweeper';

const config = { webhooks: { sweepIntervalMs: 1000, sweepGraceMs: 1000 } } as AppConfig;
const row = (n: number, queued: boolean): SweptDelivery => ({
  id: `msg_${String(n).padStart(12, '0')}`,
  redelivery: n % 2,
  queuedAt: queued ? new Date(1_000_000 + n) : null,
});

function sweeperWith(options: { neverQueued: SweptDelivery[]; queued: SweptDelivery[]; redisUpFor?: number; inRedis?: Set<string> }) {
  const enqueued: string[] = [];
  const added: string[] = [];
  const cursors: ({ queuedAt: Date; id: string } | null)[] = [];
  const deliveries = {
    neverQueued: () => Promise.resolve(options.neverQueued),
    queuedPending: (_before: Date, after: { queuedAt: Date; id: string } | null, limit: number) => {
      cursors.push(after);
      const start = after ? options.queued.findIndex((d) => d.id === after.id) + 1 : 0;
      return Promise.resolve(options.queued.slice(start, start + limit));
    },
  } as unknown as WebhookDeliveriesRepository;
  const enqueuer = {
    enqueue: (id: string, round: number) => {
      if (options.redisUpFor !== undefined && enqueued.length >= options.redisUpFor) return Promise.resolve(false);
      enqueued.push(`${id}#${String(round)}`);
      return Promise.resolve(true);
    },
  } as unknown as DeliveryEnqueuer;
  const queue = {
    has: (id: string) => Promise.resolve(options.inRedis?.has(id) ?? true),
    add: (id: string, round: number) => {
      added.push(`${id}#${String(round)}`);
      return Promise.resolve();
    },
  } as unknown as WebhookQueue;
  return { sweeper: new WebhookSweeper(config, deliveries, enqueuer, queue), enqueued, added, cursors };
}

describe('the webhook sweeper', () => {
  it('queues each never-queued delivery in its own round, then the queued ones whose job Redis lost', async () => {
    const lost = row(11, true);
    const { sweeper, enqueued, added } = sweeperWith({
      neverQueued: [row(1, false), row(2, false)],
      queued: [row(10, true), lost],
      inRedis: new Set([row(10, true).id]),
    });
    expect(await sweeper.sweep()).toEqual({ neverQueued: 2, lost: 1 });
    expect(enqueued).toEqual([`${row(1, false).id}#1`, `${row(2, false).id}#0`]);
    expect(added).toEqual([`${lost.id}#1`]);
  });

  it('stops at the first refusal while Redis is still away, and leaves the lost-job pass for later', async () => {
    const { sweeper, enqueued, cursors } = sweeperWith({
      neverQueued: [row(1, false), row(2, false), row(3, false)],
      queued: [],
      redisUpFor: 1,
    });
    expect(await sweeper.sweep()).toEqual({ neverQueued: 1, lost: 0 });
    expect(enqueued).toHaveLength(1);
    expect(cursors).toEqual([]);
  });

  it('walks a long backlog of queued deliveries 200 per sweep and starts again at the end', async () => {
    const backlog = Array.from({ length: 450 }, (_, i) => row(i, true));
    const { sweeper, cursors } = sweeperWith({ neverQueued: [], queued: backlog });
    for (let i = 0; i < 4; i++) await sweeper.sweep();
    expect(cursors.map((c) => c?.id ?? null)).toEqual([null, backlog[199].id, backlog[399].id, null]);
  });
});
