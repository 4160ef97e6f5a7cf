import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { CohortDashboardService } from './cohort-dashboard.service';

@Module({
  imports: [DatabaseModule],
  controllers: [CohortsController],
  providers: [CohortsService, CohortDashboardService],
})
export class CohortsModule {}
