// What an LMS does for a learner: submit on their behalf (the key is the submitter's proof, the
// path names the learner inside the key's organisation) and read their results per lab.
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsOptional } from 'class-validator';
import type { LabResult } from '@asynclab/contracts';
import { SubmissionsRepository } from '@asynclab/database';
import { UsersService } from '../accounts/users.service';
import { Access, SubmissionLimited } from '../auth/access.decorator';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { CreateSubmissionDto } from '../submissions/dto/create-submission.dto';
import { SubmissionsService } from '../submissions/submissions.service';

export class LabResultView implements LabResult {
  @ApiProperty() labId!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'the best score of any graded attempt' }) bestScore!: number | null;
  @ApiProperty({ description: 'whether any attempt passed' }) passed!: boolean;
  @ApiProperty() lastAttemptAt!: Date;
}

export class ResultsQuery {
  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'count only attempts at or after this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'since must be an ISO 8601 date-time' })
  since?: Date;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'count only attempts before this time' })
  @IsOptional()
  @Type(() => Date)
  @IsDate({ message: 'until must be an ISO 8601 date-time' })
  until?: Date;
}

@ApiTags('learners')
@Controller('users/:userId')
export class LearnerWorkController {
  constructor(
    private readonly users: UsersService,
    private readonly submissions: SubmissionsService,
    private readonly submissionRows: SubmissionsRepository,
  ) {}

  @Post('submissions')
  @HttpCode(202)
  @Access({ keyScope: 'submit' })
  @SubmissionLimited()
  @ApiOperation({ summary: "Submit on a learner's behalf (API key with the submit scope)" })
  @ApiAcceptedResponse({ description: '{ id, status }' })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
    @Body() dto: CreateSubmissionDto,
  ): Promise<{ id: string; status: string }> {
    const learner = await this.users.visible(principal, userId);
    return this.submissions.submit({ organizationId: principal.organizationId, userId: learner.id }, dto);
  }

  @Get('results')
  @Access({ roles: 'any', keyScope: 'read' })
  @ApiOperation({ summary: "A learner's standing per lab: attempts, best score, passed, last attempt" })
  @ApiOkResponse({ type: [LabResultView] })
  async results(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
    @Query() query: ResultsQuery,
  ): Promise<{ userId: string; results: LabResult[] }> {
    const learner = await this.users.visible(principal, userId);
    return { userId: learner.id, results: await this.submissionRows.resultsByLab(principal.organizationId, learner.id, query) };
  }
}
