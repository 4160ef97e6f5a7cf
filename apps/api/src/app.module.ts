import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig, ConfigModule, redisOptions } from '@asynclab/config';
import { GlobalExceptionFilter } from './common/filters/global-exception.filter';
import { LabsModule } from './labs/labs.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { LiveModule } from './live/live.module';
import { WebModule } from './web/web.module';
import { AdminModule } from './admin/admin.module';

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
    LabsModule,
    SubmissionsModule,
    LiveModule,
    AdminModule,
    WebModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: GlobalExceptionFilter }],
})
export class ApiModule {}
