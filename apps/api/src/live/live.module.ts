// The live status stream of submissions (issue 5): one Redis subscriber per process, fanned out
// to every open event stream.
import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { SubmissionQueueModule } from '@asynclab/jobs';
import { SubmissionsModule } from '../submissions/submissions.module';
import { LiveController } from './live.controller';
import { LiveStatusService } from './live-status.service';
import { QueuePositionService } from './queue-position.service';
import { SubmissionEventsHub } from './submission-events.hub';

@Module({
  imports: [DatabaseModule, SubmissionsModule, SubmissionQueueModule],
  controllers: [LiveController],
  providers: [SubmissionEventsHub, QueuePositionService, LiveStatusService],
})
export class LiveModule {}
