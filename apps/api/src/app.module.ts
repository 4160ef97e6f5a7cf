import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
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
    LabsModule,
    SubmissionsModule,
    LiveModule,
    WebModule,
  ],
  controllers: [HealthController],
  providers: [{ provide: APP_FILTER, useClass: GlobalExceptionFilter }],
})
export class ApiModule {}
