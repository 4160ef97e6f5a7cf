// The fault row "Redis down while webhook deliveries are stored": the burst's organisation has an
// endpoint on a receiver in this process; Redis is killed while submissions finish, so their
// deliveries are stored with no job (queued_at null); once Redis is back the workers' sweepers
// must queue them. Passes when every delivery ends succeeded, each reached the receiver exactly
// once with a valid signature, and at least one was stored during the outage (else the row did
// not test what it says).
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import type { FaultRow, RowContext } from './fault-rows';
import { query, sleep } from './workload';

const OUTAGE_MS = 6_000;
const DELIVERED_TIMEOUT_MS = 90_000;

interface Setup {
  server: Server;
  endpointId: string;
  received: Map<string, number>;
  badSignatures: () => number;
  outage: { from: Date; to: Date } | null;
}

let setup: Setup | null = null;

async function startReceiver(secret: string): Promise<{ server: Server; url: string; received: Map<string, number>; bad: () => number }> {
  const received = new Map<string, number>();
  let bad = 0;
  const verifier = new Webhook(secret);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        verifier.verify(Buffer.concat(chunks).toString('utf8'), req.headers as Record<string, string>);
        const id = String(req.headers['webhook-id']);
        received.set(id, (received.get(id) ?? 0) + 1);
      } catch {
        bad += 1;
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/hook`, received, bad: () => bad };
}

async function inject(ctx: RowContext): Promise<void> {
  const db = ctx.postgres.url;
  const orgs = await query<{ organization_id: string }>(
    db,
    'SELECT organization_id FROM submissions WHERE organization_id IS NOT NULL LIMIT 1',
  );
  const org = orgs.at(0);
  if (!org) throw new Error('the burst has no organisation to register an endpoint for');
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const receiver = await startReceiver(secret);
  await query(db, 'UPDATE organizations SET webhooks_allow_private = true WHERE id = $1', [org.organization_id]);
  const [endpoint] = await query<{ id: string }>(
    db,
    `INSERT INTO webhook_endpoints (id, organization_id, url, events, secret) VALUES (gen_random_uuid(), $1, $2, $3, $4) RETURNING id`,
    [org.organization_id, receiver.url, ['submission.completed'], secret],
  );
  const state: Setup = {
    server: receiver.server,
    endpointId: endpoint.id,
    received: receiver.received,
    badSignatures: receiver.bad,
    outage: null,
  };
  setup = state;
  const from = new Date();
  ctx.redis.kill();
  await sleep(OUTAGE_MS); // the running submissions finish meanwhile and emit their events
  state.outage = { from, to: new Date() };
  ctx.redis.start();
}

async function check(ctx: RowContext): Promise<string | null> {
  if (!setup) return 'the endpoint was never set up';
  const { endpointId, received, outage } = setup;
  const db = ctx.postgres.url;
  try {
    const deadline = Date.now() + DELIVERED_TIMEOUT_MS;
    let rows: { id: string; status: string; created_at: Date }[] = [];
    for (;;) {
      rows = await query(db, 'SELECT id, status, created_at FROM webhook_deliveries WHERE endpoint_id = $1', [endpointId]);
      if (rows.length > 0 && rows.every((row) => row.status === 'succeeded')) break;
      if (Date.now() > deadline) {
        const open = rows.filter((row) => row.status !== 'succeeded').length;
        return `${String(open)} of ${String(rows.length)} webhook deliveries not succeeded ${String(DELIVERED_TIMEOUT_MS / 1000)} s after the drain`;
      }
      await sleep(500);
    }
    await sleep(1_000); // nothing more may arrive
    const stored = outage ? rows.filter((row) => row.created_at >= outage.from && row.created_at <= outage.to).length : 0;
    if (stored === 0) return 'no webhook delivery was stored during the Redis outage: the row did not test the sweeper';
    const twice = rows.filter((row) => (received.get(row.id) ?? 0) !== 1);
    if (twice.length > 0) return `${String(twice.length)} webhook deliveries reached the receiver other than exactly once`;
    if (setup.badSignatures() > 0) return `${String(setup.badSignatures())} webhook requests failed signature verification`;
    console.log(`webhooks: ${String(rows.length)} delivered once each, ${String(stored)} of them stored while Redis was down`);
    return null;
  } finally {
    await query(db, 'DELETE FROM webhook_endpoints WHERE id = $1', [endpointId]);
    await new Promise((resolve) => setup?.server.close(resolve));
    setup = null;
  }
}

export const WEBHOOK_FAULT_ROW: FaultRow = {
  name: 'Redis down while webhook deliveries are stored',
  workers: 1,
  testSeconds: 3,
  workerEnv: { WEBHOOK_SWEEP_INTERVAL_MS: '1000', WEBHOOK_SWEEP_GRACE_MS: '1000', WEBHOOK_BACKOFF_BASE_MS: '200' },
  inject,
  check,
};
