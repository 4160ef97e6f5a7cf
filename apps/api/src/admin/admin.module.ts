import { Module } from '@nestjs/common';
import { SubmissionQueueModule } from '@asynclab/jobs';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';

@Module({
  imports: [SubmissionQueueModule],
  controllers: [AdminController],
  providers: [AdminService],
})
export class AdminModule {}
