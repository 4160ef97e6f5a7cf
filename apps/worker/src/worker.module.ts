// The worker: consumes the submissions queue and grades each submission in sandboxes. Imported
// alone by `npm run start:worker`, and beside the API by the single-process start (apps/server).
import { Module } from '@nestjs/common';
import { ConfigModule, RedisModule } from '@asynclab/config';
import { DatabaseModule } from '@asynclab/database';
import { SandboxModule } from '@asynclab/sandbox';
import { RunningJobs } from './fleet/running-jobs';
import { WorkerHeartbeatService } from './fleet/worker-heartbeat.service';
import { InfraOutageProbe } from './runs/infra-outage';
import { RunSubmissionProcessor } from './runs/run-submission.processor';
import { RunSubmissionService } from './runs/run-submission.service';
import { SubmissionConsumer } from './runs/submission-consumer';
import { SubmissionEventsPublisher } from './runs/submission-events.publisher';
import { WorkerShutdownService } from './shutdown/worker-shutdown.service';
import { WorkerBootstrap } from './worker-bootstrap.service';
import { EndpointDisabledNotifier } from './webhooks/endpoint-disabled.notifier';
import { WebhookSweeper } from './webhooks/webhook-sweeper';
import { WebhooksModule } from '@asynclab/webhooks';
import { WebhookConsumer } from './webhooks/webhook-consumer';
import { WebhookDeliveryProcessor } from './webhooks/webhook-delivery.processor';
import { LtiAdvantageModule } from '@asynclab/lti-advantage';
import { GradeSyncConsumer } from './lti-grades/grade-sync.consumer';
import { GradeSyncProcessor } from './lti-grades/grade-sync.processor';
import { GradeSyncSweeper } from './lti-grades/grade-sync-sweeper';
import { RosterSyncQueue } from './lti-roster/roster-sync-queue';
import { ScheduledRosterSyncProcessor } from './lti-roster/scheduled-roster-sync.processor';
import { RosterSyncConsumer } from './lti-roster/roster-sync.consumer';

@Module({
  imports: [ConfigModule, RedisModule, DatabaseModule, SandboxModule, WebhooksModule, LtiAdvantageModule],
  providers: [
    SubmissionEventsPublisher,
    RunSubmissionService,
    RunSubmissionProcessor,
    SubmissionConsumer,
    RunningJobs,
    InfraOutageProbe,
    WorkerHeartbeatService,
    WorkerShutdownService,
    WorkerBootstrap,
    EndpointDisabledNotifier,
    WebhookSweeper,
    GradeSyncSweeper,
    WebhookDeliveryProcessor,
    WebhookConsumer,
    GradeSyncProcessor,
    GradeSyncConsumer,
    RosterSyncQueue,
    ScheduledRosterSyncProcessor,
    RosterSyncConsumer,
  ],
  exports: [WorkerShutdownService],
})
export class WorkerModule {}
