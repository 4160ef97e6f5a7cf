import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { WebhooksModule } from '@asynclab/webhooks';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { CohortDashboardService } from './cohort-dashboard.service';
import { RegradesService } from './regrades.service';
import { SubmissionsModule } from '../submissions/submissions.module';
import { RegradesController } from './regrades.controller';

@Module({
  imports: [DatabaseModule, SubmissionsModule, WebhooksModule],
  controllers: [CohortsController, RegradesController],
  providers: [CohortsService, CohortDashboardService, RegradesService],
})
export class CohortsModule {}
