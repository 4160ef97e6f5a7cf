import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { REDIS } from '../redis/redis.module';
import { PrincipalThrottlerGuard, SUBMISSIONS_THROTTLER } from './principal-throttler.guard';

const MINUTE_MS = 60_000;

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        throttlers: [
          { name: 'default', ttl: MINUTE_MS, limit: config.rateLimit.perMinute },
          { name: SUBMISSIONS_THROTTLER, ttl: MINUTE_MS, limit: config.rateLimit.submissionsPerMinute },
        ],
        storage: new ThrottlerStorageRedisService(redis),
      }),
    }),
  ],
  // Registered after the AuthModule's guard: Nest runs global guards in that order.
  providers: [{ provide: APP_GUARD, useClass: PrincipalThrottlerGuard }],
})
export class RateLimitModule {}
