// Reads the fleet's records (libs/jobs/src/worker-registry.ts) from Redis.
import type Redis from 'ioredis';
import { parseWorkerRecord, WORKER_RECORD_PREFIX, WorkerRecord } from '@asynclab/jobs';

export async function liveWorkers(redis: Pick<Redis, 'scan' | 'mget'>): Promise<WorkerRecord[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${WORKER_RECORD_PREFIX}*`, 'COUNT', 200);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0');
  if (keys.length === 0) return [];
  const records = (await redis.mget(...keys)).map(parseWorkerRecord).filter((r): r is WorkerRecord => r !== null);
  return records.sort((a, b) => a.host.localeCompare(b.host) || a.pid - b.pid);
}
