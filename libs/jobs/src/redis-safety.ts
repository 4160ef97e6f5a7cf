// BullMQ's production guide asks two things of Redis: never evict keys (maxmemory-policy
// noeviction: an evicted job key is a lost submission) and persist them (append-only file,
// fsync every second). The API and the worker check both at start and warn when either is off;
// the reconciler still recovers what a Redis without persistence loses, only later.
import type Redis from 'ioredis';

export type RedisProbe = Pick<Redis, 'config' | 'info'>;

export async function redisSafetyWarnings(redis: RedisProbe): Promise<string[]> {
  const warnings: string[] = [];
  try {
    const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
    if (policy !== 'noeviction') {
      warnings.push(`Redis maxmemory-policy is ${policy}: Redis may evict queued jobs; set it to noeviction`);
    }
  } catch (error) {
    warnings.push(`cannot read Redis's maxmemory-policy (${(error as Error).message}); make sure it is noeviction`);
  }
  try {
    const persistence = parseInfo(await redis.info('persistence'));
    const aof = persistence.aof_enabled === '1';
    const [, save] = (await redis.config('GET', 'save').catch(() => ['save', 'unknown'])) as [string, string];
    if (!aof && (save === '' || save === 'unknown')) {
      warnings.push(
        'Redis persists nothing (appendonly no, no save points): a restart loses the queue until the reconciler rebuilds it; set appendonly yes, appendfsync everysec',
      );
    } else if (!aof) {
      warnings.push(
        'Redis persists by snapshots only: a crash loses the jobs since the last one; set appendonly yes, appendfsync everysec',
      );
    }
  } catch (error) {
    warnings.push(`cannot read Redis's persistence settings (${(error as Error).message})`);
  }
  return warnings;
}

function parseInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0) fields[line.slice(0, at)] = line.slice(at + 1).trim();
  }
  return fields;
}

/**
 * At start: once the connection is ready (up to `waitMs`; a Redis down at boot must not stop a
 * process), logs each warning. Never throws.
 */
export async function warnIfRedisUnsafe(redis: Redis, warn: (message: string) => void, waitMs = 15_000): Promise<void> {
  if (redis.status !== 'ready') {
    const ready = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        resolve(false);
      }, waitMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!ready) {
      warn('Redis was not reachable at start; its eviction and persistence settings were not checked');
      return;
    }
  }
  for (const warning of await redisSafetyWarnings(redis).catch(() => [])) warn(warning);
}
