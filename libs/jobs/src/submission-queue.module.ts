// The submissions queue for producers (the API): BullMQ's root and the queue, on the connection
// settings RedisConnections gives producers. The worker consumes without this module: it opens
// its BullMQ Worker itself (apps/worker/src/runs/submission-consumer.ts) with consumer settings,
// so a process that does both never mixes the two.
import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { RedisConnections } from '@asynclab/config';
import { RUN_SUBMISSION_QUEUE } from './run-submission.job';

const bullRoot = BullModule.forRootAsync({
  inject: [RedisConnections],
  useFactory: (redis: RedisConnections) => ({ connection: redis.bullmq('producer') }),
});
const submissionsQueue = BullModule.registerQueue({ name: RUN_SUBMISSION_QUEUE });

@Module({ imports: [bullRoot, submissionsQueue], exports: [submissionsQueue] })
export class SubmissionQueueModule {}
