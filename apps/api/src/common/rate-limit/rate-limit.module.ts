import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { PrincipalThrottlerGuard, SUBMISSIONS_THROTTLER } from './principal-throttler.guard';

const MINUTE_MS = 60_000;

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
        storage: new ThrottlerStorageRedisService(redis.commands),
      }),
    }),
  ],
  // Registered after the AuthModule's guard: Nest runs global guards in that order.
  providers: [{ provide: APP_GUARD, useClass: PrincipalThrottlerGuard }],
})
export class RateLimitModule {}
