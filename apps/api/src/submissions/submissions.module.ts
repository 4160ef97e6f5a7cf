import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { LabCatalogModule } from '@asynclab/lab-catalog';
import { SubmissionQueueModule } from '@asynclab/jobs';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';
import { SubmissionQueueService } from './submission-queue.service';
import { ReconcilerService } from './reconciler.service';

@Module({
  imports: [DatabaseModule, LabCatalogModule, SubmissionQueueModule],
  controllers: [SubmissionsController],
  providers: [SubmissionsService, SubmissionQueueService, ReconcilerService],
  exports: [SubmissionsService, SubmissionQueueService, ReconcilerService],
})
export class SubmissionsModule {}
