// The live status stream of submissions (issue 5): one Redis subscriber per process, fanned out
// to every open event stream.
import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { DatabaseModule } from '@asynclab/database';
import { LabCatalogModule } from '@asynclab/lab-catalog';
import { RUN_SUBMISSION_QUEUE } from '@asynclab/jobs';
import { SubmissionsModule } from '../submissions/submissions.module';
import { SubmissionsService } from '../submissions/submissions.service';
import { LiveController } from './live.controller';
import { LiveStatusService } from './live-status.service';
import { QueuePositionService } from './queue-position.service';
import { SubmissionEventsHub } from './submission-events.hub';

@Module({
  imports: [DatabaseModule, LabCatalogModule, SubmissionsModule, BullModule.registerQueue({ name: RUN_SUBMISSION_QUEUE })],
  controllers: [LiveController],
  // SubmissionsModule does not export SubmissionsService; it is stateless, so this module builds
  // its own from the same (shared) repository, catalog and queue service to serve the same view.
  providers: [SubmissionsService, SubmissionEventsHub, QueuePositionService, LiveStatusService],
})
export class LiveModule {}
