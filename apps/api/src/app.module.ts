import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { DatabaseModule } from '@asynclab/database';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig, ConfigModule, redisOptions } from '@asynclab/config';
import { GlobalExceptionFilter } from './common/filters/global-exception.filter';
import { LabsModule } from './labs/labs.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { LiveModule } from './live/live.module';
import { WebModule } from './web/web.module';
import { RedisModule } from './common/redis/redis.module';
import { AuthModule } from './auth/auth.module';
import { HealthController } from './health/health.controller';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AccountsModule } from './accounts/accounts.module';
import { LmsModule } from './lms/lms.module';

@Module({
  imports: [
    ConfigModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      // The API only produces: with the offline queue off, a submit fails fast when Redis is down
      // (the submission is already committed; the sweeper queues it later) instead of hanging.
      useFactory: (config: AppConfig) => ({
        connection: { ...redisOptions(config.redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 1 },
      }),
    }),
    RedisModule,
    // First among the feature modules: its global AuthGuard must run before the rate limiter.
    AuthModule,
    RateLimitModule,
    DatabaseModule,
    ApiKeysModule,
    AccountsModule,
    LmsModule,
    LabsModule,
    SubmissionsModule,
    LiveModule,
    WebModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_FILTER, useClass: GlobalExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class ApiModule {}
