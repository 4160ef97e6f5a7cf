import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { AccountsModule } from '../accounts/accounts.module';
import { SubmissionsModule } from '../submissions/submissions.module';
import { LearnerWorkController } from './learner-work.controller';

@Module({
  imports: [DatabaseModule, AccountsModule, SubmissionsModule],
  controllers: [LearnerWorkController],
})
export class LmsModule {}
