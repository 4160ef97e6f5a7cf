import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { PrincipalThrottlerGuard, SUBMISSIONS_THROTTLER } from './principal-throttler.guard';

const MINUTE_MS = 60_000;

/**
 * The Redis storage, made on the first count: the shared command connection opens only when a
 * request needs it, as RedisConnections intends, and a process that fails to start holds none.
 */
class LazyRedisStorage implements ThrottlerStorage {
  private storage?: ThrottlerStorageRedisService;

  constructor(private readonly redis: RedisConnections) {}

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    this.storage ??= new ThrottlerStorageRedisService(this.redis.commands);
    return this.storage.increment(key, ttl, limit, blockDuration, throttlerName);
  }
}

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, RedisConnections],
      useFactory: (config: AppConfig, redis: RedisConnections) => ({
        throttlers: [
          { name: 'default', ttl: MINUTE_MS, limit: config.rateLimit.perMinute },
          { name: SUBMISSIONS_THROTTLER, ttl: MINUTE_MS, limit: config.rateLimit.submissionsPerMinute },
        ],
        // The process's shared command connection: counts fail fast rather than queue when Redis is down.
        storage: new LazyRedisStorage(redis),
      }),
    }),
  ],
  // Registered after the AuthModule's guard: Nest runs global guards in that order.
  providers: [{ provide: APP_GUARD, useClass: PrincipalThrottlerGuard }],
})
export class RateLimitModule {}
