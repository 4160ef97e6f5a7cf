import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CreateSubmissionDto } from './dto/create-submission.dto';
import type { SubmissionAccepted, SubmissionView } from '@asynclab/contracts';
import { SubmissionsService } from './submissions.service';

@Controller('submissions')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Post()
  @HttpCode(202)
  submit(@Body() dto: CreateSubmissionDto): Promise<SubmissionAccepted> {
    return this.submissions.submit(dto);
  }

  /** A learner's attempts, newest first: GET /submissions?learnerId=...&labId=... */
  @Get()
  history(@Query('learnerId') learnerId?: string, @Query('labId') labId?: string) {
    return this.submissions.history(learnerId, labId);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<SubmissionView> {
    return this.submissions.get(id);
  }
}
