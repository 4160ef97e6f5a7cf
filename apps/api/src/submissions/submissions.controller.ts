import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HistoryEntry, SubmissionAccepted, SubmissionView } from '@asynclab/contracts';
import { Access, SubmissionLimited } from '../auth/access.decorator';
import { CurrentPrincipal, Principal, SessionPrincipal } from '../auth/principal';
import { CreateSubmissionDto } from './dto/create-submission.dto';
import { SubmissionListQuery } from './dto/submission-list.query';
import { SubmissionsService } from './submissions.service';

@ApiTags('submissions')
@Controller('submissions')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post()
  @HttpCode(202)
  @Access({ roles: 'any', guests: true })
  @SubmissionLimited()
  @ApiOperation({ summary: 'Submit your own attempt at a lab (signed-in users and guests)' })
  @ApiAcceptedResponse({ description: '{ id, status }' })
  submit(@CurrentPrincipal() principal: SessionPrincipal, @Body() dto: CreateSubmissionDto): Promise<SubmissionAccepted> {
    return this.submissions.submit({ organizationId: principal.organizationId, userId: principal.userId }, dto);
  }

  /** Attempts the caller may see, newest first. */
  @Get()
  @Access({ roles: 'any', guests: true, keyScope: 'read' })
  @ApiOperation({ summary: 'List submissions: your own, or (instructor, admin, key) your organisation’s' })
  history(
    @CurrentPrincipal() principal: Principal,
    @Query() query: SubmissionListQuery,
  ): Promise<{ submissions: HistoryEntry[]; nextCursor: string | null }> {
    return this.submissions.history(principal, query);
  }

  @Get(':id')
  @Access({ roles: 'any', guests: true, keyScope: 'read' })
  @ApiOperation({ summary: 'One submission with its report once graded' })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<SubmissionView> {
    return this.submissions.get(principal, id);
  }
}
