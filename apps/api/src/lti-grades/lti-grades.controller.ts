// The grade sync log (AGS passback) and roster syncs (NRPS) of the organisation's LTI contexts:
// instructors, admins and keys. docs/lti-grades.md describes both.
import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { GradeSyncPage, GradeSyncView, LtiContextPage, LtiContextView, RosterSyncResult } from '@asynclab/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { toPageQuery } from '../common/dto/page-query.dto';
import {
  GradeSyncsDoc,
  GradeSyncViewDoc,
  ListGradeSyncsQuery,
  ListLtiContextsQuery,
  LtiContextPageDoc,
  LtiContextViewDoc,
  RosterSyncResultDoc,
} from './lti-grades.dto';
import { LtiGradesService } from './lti-grades.service';

@ApiTags('lti')
@Controller('lti')
export class LtiGradesController {
  constructor(private readonly grades: LtiGradesService) {}

  @Get('grade-syncs')
  @Access({ roles: ['instructor', 'admin'], keyScope: 'read' })
  @ApiOperation({
    summary:
      'The grade sync log, most recently changed first, a page at a time: each learner grade published to a platform, with its attempts (status, HTTP code, duration, error)',
  })
  @ApiOkResponse({ type: GradeSyncsDoc })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListGradeSyncsQuery): Promise<GradeSyncPage> {
    const { cohortId, assignmentId, userId, status } = query;
    return this.grades.page(principal.organizationId, { cohortId, assignmentId, userId, status }, toPageQuery(query));
  }

  @Post('grade-syncs/:id/retry')
  @HttpCode(202)
  @Access({ roles: ['instructor', 'admin'], keyScope: 'manage' })
  @ApiOperation({ summary: "Publish the learner's current grade again, with a fresh round of attempts" })
  @ApiAcceptedResponse({ type: GradeSyncViewDoc })
  retry(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<GradeSyncView> {
    return this.grades.retry(principal.organizationId, id);
  }

  @Get('contexts')
  @Access({ roles: ['instructor', 'admin'], keyScope: 'read' })
  @ApiOperation({
    summary:
      "The organisation's LMS course contexts, newest first, a page at a time, each with its cohort, roster schedule and latest roster syncs; cohortId finds a cohort's",
  })
  @ApiOkResponse({ type: LtiContextPageDoc })
  contexts(@CurrentPrincipal() principal: Principal, @Query() query: ListLtiContextsQuery): Promise<LtiContextPage> {
    return this.grades.contexts(principal.organizationId, { cohortId: query.cohortId }, toPageQuery(query));
  }

  @Get('contexts/:id')
  @Access({ roles: ['instructor', 'admin'], keyScope: 'read' })
  @ApiOperation({
    summary:
      'An LMS course context: its cohort, whether it offers names and roles, the roster schedule and the latest roster syncs (when, added, removed, kept, error)',
  })
  @ApiOkResponse({ type: LtiContextViewDoc })
  context(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<LtiContextView> {
    return this.grades.context(principal.organizationId, id);
  }

  @Post('contexts/:id/roster-sync')
  @HttpCode(200)
  @Access({ roles: ['instructor', 'admin'], keyScope: 'manage' })
  @ApiOperation({ summary: "Read the context's roster (NRPS) and bring its cohort's members in line; answers the counts" })
  @ApiOkResponse({ type: RosterSyncResultDoc })
  syncRoster(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<RosterSyncResult> {
    return this.grades.syncRoster(principal.organizationId, id);
  }
}
