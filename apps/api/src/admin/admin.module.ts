import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { RUN_SUBMISSION_QUEUE } from '@asynclab/jobs';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';

@Module({
  imports: [BullModule.registerQueue({ name: RUN_SUBMISSION_QUEUE })],
  controllers: [AdminController],
  providers: [AdminService],
})
export class AdminModule {}
