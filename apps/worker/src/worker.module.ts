import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { APP_CONFIG, AppConfig, ConfigModule, redisOptions } from '@asynclab/config';
import { DatabaseModule } from '@asynclab/database';
import { RUN_SUBMISSION_QUEUE } from '@asynclab/jobs';
import { RunSubmissionProcessor } from './runs/run-submission.processor';
import { RunSubmissionService } from './runs/run-submission.service';
import { SubmissionEventsPublisher } from './runs/submission-events.publisher';
import { sandboxProviders } from './sandbox/sandbox.providers';
import { WorkerBootstrap } from './worker-bootstrap.service';
import { RunningJobs } from './fleet/running-jobs';
import { InfraOutageProbe } from './runs/infra-outage';
import { WorkerHeartbeatService } from './fleet/worker-heartbeat.service';
import { WorkerShutdownService } from './shutdown/worker-shutdown.service';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      // Workers block on Redis; BullMQ requires maxRetriesPerRequest: null for them.
      useFactory: (config: AppConfig) => ({ connection: { ...redisOptions(config.redisUrl), maxRetriesPerRequest: null } }),
    }),
    BullModule.registerQueue({ name: RUN_SUBMISSION_QUEUE }),
  ],
  providers: [
    ...sandboxProviders,
    SubmissionEventsPublisher,
    RunSubmissionService,
    RunSubmissionProcessor,
    RunningJobs,
    InfraOutageProbe,
    WorkerHeartbeatService,
    WorkerShutdownService,
    WorkerBootstrap,
  ],
})
export class WorkerModule {}
