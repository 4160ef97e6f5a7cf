// Cohorts over HTTP. Staff (instructors, admins; LMS keys with "manage") set work and enrol
// learners; learners join with a code and read their own row; the dashboard, its CSV and the
// analytics are for staff and keys with "read".
import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { CohortAnalytics, CohortDashboard, CohortView, MatrixRow, MyAssignment } from '@asynclab/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { AddMemberDto, CreateAssignmentDto, CreateCohortDto, ExtendDueDateDto, JoinCohortDto, MatrixQuery } from './cohorts.dto';
import { CohortsService } from './cohorts.service';
import { CohortDashboardService } from './cohort-dashboard.service';
import { toCohortView } from './cohort-views';
import { MatrixPageDoc } from './cohorts.openapi';

const STAFF = { roles: ['instructor', 'admin'] } as const;

@ApiTags('cohorts')
@Controller('cohorts')
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly dashboards: CohortDashboardService,
  ) {}

  @Post()
  @Access({ roles: [...STAFF.roles], keyScope: 'manage' })
  @ApiOperation({ summary: 'Create a cohort in your organisation; it gets a join code and link' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateCohortDto): Promise<CohortView> {
    return this.cohorts.create(principal, dto.name);
  }

  @Get()
  @Access({ roles: 'any', keyScope: 'read' })
  @ApiOperation({ summary: "Cohorts: the organisation's (staff, keys) or the ones you belong to (learners)" })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ cohorts: CohortView[] }> {
    return { cohorts: await this.cohorts.list(principal) };
  }

  @Post('join')
  @HttpCode(200)
  @Access({ roles: 'any' })
  @ApiOperation({ summary: 'Join a cohort of your organisation with its code (from the link /join/<code>)' })
  join(@CurrentPrincipal() principal: Principal, @Body() dto: JoinCohortDto): Promise<CohortView> {
    return this.cohorts.join(principal, dto.code);
  }

  @Get('my-assignments')
  @Access({ roles: 'any' })
  @ApiOperation({ summary: 'Your assignments across your cohorts, soonest due first, with your status' })
  async myAssignments(@CurrentPrincipal() principal: Principal): Promise<{ assignments: MyAssignment[] }> {
    return { assignments: await this.cohorts.myAssignments(principal) };
  }

  @Get(':id')
  @Access({ roles: 'any', keyScope: 'read' })
  @ApiOperation({ summary: 'One cohort with its assignments (404 for another organisation’s, or one you are not in)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CohortView> {
    return toCohortView(await this.cohorts.visible(principal, id));
  }

  @Post(':id/assignments')
  @Access({ roles: [...STAFF.roles], keyScope: 'manage' })
  @ApiOperation({ summary: 'Assign a lab with an opening date, a due date and a late policy' })
  assign(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: CreateAssignmentDto): Promise<CohortView> {
    return this.cohorts.assign(principal, id, dto);
  }

  @Post(':id/members')
  @Access({ roles: [...STAFF.roles], keyScope: 'manage' })
  @ApiOperation({ summary: 'Add a user of your organisation by email or external id' })
  addMember(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: AddMemberDto): Promise<{ userId: string }> {
    return this.cohorts.addMember(principal, id, dto);
  }

  @Put(':id/assignments/:assignmentId/extensions/:userId')
  @HttpCode(204)
  @Access({ roles: [...STAFF.roles], keyScope: 'manage' })
  @ApiOperation({ summary: 'Give one learner their own due date for one assignment' })
  async extend(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Param('assignmentId') assignmentId: string,
    @Param('userId') userId: string,
    @Body() dto: ExtendDueDateDto,
  ): Promise<void> {
    await this.cohorts.extend(principal, id, assignmentId, userId, dto.dueAt);
  }

  @Get(':id/dashboard')
  @Access({ roles: 'any', keyScope: 'read' })
  @ApiOperation({ summary: 'Learners x assignments with per-assignment statistics; a learner gets only their own row' })
  async dashboard(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CohortDashboard> {
    return this.dashboards.dashboardOf(principal, await this.cohorts.visible(principal, id));
  }

  @Get(':id/matrix')
  @Access({ roles: 'any', keyScope: 'read' })
  @ApiOperation({ summary: 'The matrix a page of learners at a time (cursor pagination), for an LMS or a spreadsheet' })
  @ApiOkResponse({ type: MatrixPageDoc })
  async matrix(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query() query: MatrixQuery,
  ): Promise<{ rows: MatrixRow[]; nextCursor: string | null }> {
    return this.dashboards.matrixPage(principal, await this.cohorts.visible(principal, id), query.limit ?? 50, query.cursor);
  }

  @Get(':id/matrix.csv')
  @Access({ roles: [...STAFF.roles], keyScope: 'read' })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="cohort-matrix.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'one line per learner; attempts, best_score, passed, late, last_activity per assignment' })
  @ApiOperation({ summary: 'The matrix as CSV' })
  async csv(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<string> {
    return this.dashboards.csv(principal, await this.cohorts.visible(principal, id));
  }

  @Get(':id/analytics')
  @Access({ roles: [...STAFF.roles], keyScope: 'read' })
  @ApiOperation({ summary: 'Diagnostic codes over time, per learner (first seen, last seen, fixed), and learners who are stuck' })
  async analytics(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<CohortAnalytics> {
    return this.dashboards.analyticsOf(await this.cohorts.visible(principal, id));
  }
}
