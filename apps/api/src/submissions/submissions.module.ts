import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { DatabaseModule } from '@asynclab/database';
import { LabCatalogModule } from '@asynclab/lab-catalog';
import { RUN_SUBMISSION_QUEUE } from '@asynclab/jobs';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';
import { SubmissionQueueService } from './submission-queue.service';
import { ReconcilerService } from './reconciler.service';

@Module({
  imports: [DatabaseModule, LabCatalogModule, BullModule.registerQueue({ name: RUN_SUBMISSION_QUEUE })],
  controllers: [SubmissionsController],
  providers: [SubmissionsService, SubmissionQueueService, ReconcilerService],
  exports: [SubmissionsService, SubmissionQueueService, ReconcilerService],
})
export class SubmissionsModule {}
