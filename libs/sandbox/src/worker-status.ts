// What each live worker says about its sandboxes, carried by its owner heartbeat in Redis
// (sandbox-owner.service.ts) and read by GET /api/v1/health, wherever the API runs.
import type Redis from 'ioredis';
import type { WarmPoolState } from './warm-sandbox-pool';

export const OWNER_KEY_PREFIX = 'asynclab:sandbox-owner:';

export interface WorkerSandboxStatus {
  image: string;
  runtime: string;
  /** null: the pool is off, every run starts its own container. */
  pool: WarmPoolState | null;
}

export interface WorkerStatus extends Partial<WorkerSandboxStatus> {
  worker: string;
}

/** Every live worker's status (a heartbeat lapses after a few seconds, and so does its entry). */
export async function readWorkerStatuses(redis: Redis): Promise<WorkerStatus[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${OWNER_KEY_PREFIX}*`, 'COUNT', 100);
    keys.push(...found);
    cursor = next;
  } while (cursor !== '0' && keys.length < 1_000);
  const values = keys.length > 0 ? await redis.mget(keys) : [];
  return keys.map((key, i) => ({ worker: key.slice(OWNER_KEY_PREFIX.length), ...parseStatus(values[i]) }));
}

function parseStatus(value: string | null | undefined): Partial<WorkerSandboxStatus> {
  try {
    const parsed: unknown = JSON.parse(value ?? '');
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {}; // an older worker's heartbeat ('1')
  }
}
