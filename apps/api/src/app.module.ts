// The REST API and the web page. Imported alone by `npm run start:api`, and beside the worker by
// the single-process start (apps/server).
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule, RedisModule } from '@asynclab/config';
import { GlobalExceptionFilter } from './common/filters/global-exception.filter';
import { LabsModule } from './labs/labs.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { LiveModule } from './live/live.module';
import { WebModule } from './web/web.module';
import { AdminModule } from './admin/admin.module';
import { HealthModule } from './health/health.module';

@Module({
  imports: [ConfigModule, RedisModule, LabsModule, SubmissionsModule, LiveModule, AdminModule, HealthModule, WebModule],
  providers: [{ provide: APP_FILTER, useClass: GlobalExceptionFilter }],
})
export class ApiModule {}
