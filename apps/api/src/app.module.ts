// The REST API and the web page. Imported alone by `npm run start:api`, and beside the worker by
// the single-process start (apps/server).
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { ConfigModule, RedisModule } from '@asynclab/config';
import { DatabaseModule } from '@asynclab/database';
import { GlobalExceptionFilter } from './common/filters/global-exception.filter';
import { LabsModule } from './labs/labs.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { LiveModule } from './live/live.module';
import { WebModule } from './web/web.module';
import { AuthModule } from './auth/auth.module';
import { RateLimitModule } from './common/rate-limit/rate-limit.module';
import { IdempotencyInterceptor } from './common/idempotency/idempotency.interceptor';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AccountsModule } from './accounts/accounts.module';
import { LmsModule } from './lms/lms.module';
import { CohortsModule } from './cohorts/cohorts.module';
import { AdminModule } from './admin/admin.module';
import { HealthModule } from './health/health.module';
import { NotificationsModule } from './notifications/notifications.module';
import { WebhooksApiModule } from './webhooks/webhooks.module';
import { LtiApiModule } from './lti/lti-api.module';
import { LtiGradesApiModule } from './lti-grades/lti-grades.module';

@Module({
  imports: [
    ConfigModule,
    RedisModule,
    DatabaseModule,
    // Before the feature modules: Nest runs global guards in the order they are registered, and
    // the rate limiter needs the principal the AuthGuard resolves.
    AuthModule,
    RateLimitModule,
    ApiKeysModule,
    AccountsModule,
    LmsModule,
    CohortsModule,
    LabsModule,
    SubmissionsModule,
    LiveModule,
    AdminModule,
    HealthModule,
    NotificationsModule,
    WebhooksApiModule,
    LtiApiModule,
    LtiGradesApiModule,
    WebModule,
  ],
  providers: [
    { provide: APP_FILTER, useClass: GlobalExceptionFilter },
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class ApiModule {}
