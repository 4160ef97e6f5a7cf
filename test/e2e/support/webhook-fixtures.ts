// Set-up shared by the webhook log, redelivery, sweeper and browser tests: an organisation that
// may target the loopback receiver, endpoints registered over the API, and delivery rows written
// straight into PostgreSQL (set-up of a log to read, not what a test checks).
import { randomBytes } from 'node:crypto';
import type { WebhookEndpointCreated, Wire } from '../../../libs/contracts/src';
import type { Accounts } from './accounts';
import { call, type Caller } from './client';

export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** An organisation allowing private targets, with a key holding every scope. */
export async function webhookOrg(accounts: Accounts, baseUrl: string): Promise<{ id: string; slug: string; caller: Caller }> {
  const org = await accounts.org();
  const caller: Caller = { apiKey: (await accounts.key(org.id, ['read', 'submit', 'manage'])).key };
  const set = await call(baseUrl, 'PATCH', '/webhooks/settings', { caller, body: { allowPrivateTargets: true } });
  if (set.status !== 200) throw new Error(`settings answered ${String(set.status)}`);
  return { ...org, caller };
}

export async function registerEndpoint(
  baseUrl: string,
  caller: Caller,
  url: string,
  events: string[],
): Promise<Wire<WebhookEndpointCreated>> {
  const created = await call<Wire<WebhookEndpointCreated>>(baseUrl, 'POST', '/webhooks/endpoints', { caller, body: { url, events } });
  if (created.status !== 201) throw new Error(`register answered ${String(created.status)}: ${JSON.stringify(created.body)}`);
  return created.body;
}

export const deliveryId = () => `msg_${randomBytes(18).toString('base64url')}`;

export interface DeliveryRowSpec {
  status: 'pending' | 'succeeded' | 'failed';
  event?: string;
  createdAt?: Date;
  /** null: stored while Redis was down (no job ever queued). Default: queued when made. */
  queuedAt?: Date | null;
  /** Failed attempts with this response code to log beside it. */
  attemptCodes?: number[];
}

/** Writes delivery rows (and their attempts) for an endpoint; answers their ids in order. */
export async function insertDeliveries(accounts: Accounts, endpointId: string, specs: DeliveryRowSpec[]): Promise<string[]> {
  const ids: string[] = [];
  for (const spec of specs) {
    const id = deliveryId();
    const createdAt = spec.createdAt ?? new Date();
    const queuedAt = spec.queuedAt === undefined ? createdAt : spec.queuedAt;
    const event = spec.event ?? 'submission.completed';
    await accounts.query(
      `INSERT INTO webhook_deliveries (id, endpoint_id, event, payload, status, created_at, queued_at)
       VALUES ($1, $2::uuid, $3, $4::jsonb, $5, $6, $7) RETURNING id`,
      id,
      endpointId,
      event,
      JSON.stringify({ marker: id }),
      spec.status,
      createdAt,
      queuedAt,
    );
    for (const code of spec.attemptCodes ?? []) {
      await accounts.query(
        `INSERT INTO webhook_attempts (id, delivery_id, status, response_code, duration_ms, response_body, created_at)
         VALUES (gen_random_uuid(), $1, 'failed', $2, 12, 'down', $3) RETURNING id`,
        id,
        code,
        createdAt,
      );
    }
    ids.push(id);
  }
  return ids;
}
