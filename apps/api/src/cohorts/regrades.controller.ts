// Regrades over HTTP (instructors, admins; keys with "manage" start one, "read" follow it).
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RegradePreview, RegradeView } from '@asynclab/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { CohortsService } from './cohorts.service';
import { RegradesService } from './regrades.service';

@ApiTags('cohorts')
@Controller('cohorts/:id')
export class RegradesController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly regrades: RegradesService,
  ) {}

  @Get('assignments/:assignmentId/regrade')
  @Access({ roles: ['instructor', 'admin'], keyScope: 'read' })
  @ApiOperation({ summary: "How many latest submissions an older lab version graded, and whether the lab's tests changed" })
  async preview(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('assignmentId') assignmentId: string,
  ): Promise<RegradePreview> {
    return this.regrades.preview(await this.cohorts.visible(principal, id), assignmentId);
  }

  @Post('assignments/:assignmentId/regrades')
  @HttpCode(202)
  @Access({ roles: ['instructor', 'admin'], keyScope: 'manage' })
  @ApiOperation({
    summary: "Re-run the latest submissions against the lab's current version, in the background; old grades stay in the history",
  })
  async start(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('assignmentId') assignmentId: string,
  ): Promise<RegradeView> {
    return this.regrades.start(principal, await this.cohorts.visible(principal, id), assignmentId);
  }

  @Get('regrades/:jobId')
  @Access({ roles: ['instructor', 'admin'], keyScope: 'read' })
  @ApiOperation({ summary: "A regrade's progress: queued, running, completed, failed of total" })
  async progress(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('jobId') jobId: string): Promise<RegradeView> {
    return this.regrades.progress(await this.cohorts.visible(principal, id), jobId);
  }
}
