import { redisSafetyWarnings, RedisProbe } from './redis-safety';

function redis(settings: Record<string, string>, aofEnabled: boolean): RedisProbe {
  return {
    config: ((_get: string, key: string) => Promise.resolve([key, settings[key]])) as never,
    info: () => Promise.resolve(`# Persistence\r\nloading:0\r\naof_enabled:${aofEnabled ? 1 : 0}\r\n`),
  };
}

describe('redisSafetyWarnings', () => {
  it('is quiet for noeviction with the append-only file on', async () => {
    expect(await redisSafetyWarnings(redis({ 'maxmemory-policy': 'noeviction', save: '' }, true))).toEqual([]);
  });

  it('warns about an evicting policy and about no persistence at all', async () => {
    const warnings = await redisSafetyWarnings(redis({ 'maxmemory-policy': 'allkeys-lru', save: '' }, false));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/allkeys-lru.*noeviction/);
    expect(warnings[1]).toMatch(/persists nothing.*appendonly yes/);
  });

  it('warns that snapshots alone lose the last jobs', async () => {
    const warnings = await redisSafetyWarnings(redis({ 'maxmemory-policy': 'noeviction', save: '3600 1' }, false));
    expect(warnings).toEqual([expect.stringMatching(/snapshots only/)]);
  });

  it('says it cannot tell when CONFIG is disabled (a managed Redis)', async () => {
    const probe: RedisProbe = {
      config: () => Promise.reject(new Error("ERR unknown command 'CONFIG'")),
      info: () => Promise.resolve('aof_enabled:1'),
    };
    expect((await redisSafetyWarnings(probe))[0]).toMatch(/cannot read.*noeviction/);
  });
});
