import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { LtiAdvantageModule } from '@asynclab/lti-advantage';
import { LtiGradesController } from './lti-grades.controller';
import { LtiGradesService } from './lti-grades.service';

@Module({
  imports: [DatabaseModule, LtiAdvantageModule],
  controllers: [LtiGradesController],
  providers: [LtiGradesService],
})
export class LtiGradesApiModule {}
