import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { GRADE_SYNC_STATUSES, type GradeSyncStatusView } from '@asynclab/contracts';
import { PageQueryDto } from '../common/dto/page-query.dto';

/** The log's query: PageQueryDto's limit and cursor, its time window on updatedAt, and the filters. */
export class ListGradeSyncsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "only the syncs of this cohort's LTI context; 404 COHORT_NOT_FOUND for another organisation's",
  })
  @IsOptional()
  @IsUUID()
  cohortId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only this assignment (of the cohort, when cohortId is given)' })
  @IsOptional()
  @IsUUID()
  assignmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'only this learner' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: GRADE_SYNC_STATUSES, description: 'e.g. failed: the syncs the platform refused for good' })
  @IsOptional()
  @IsIn(GRADE_SYNC_STATUSES, { message: `status must be one of ${GRADE_SYNC_STATUSES.join(', ')}` })
  status?: GradeSyncStatusView;

  // The log is ordered and windowed by when a sync last changed, not when it was first made.
  @ApiPropertyOptional({ description: 'only syncs last changed at or after this time (ISO 8601)', type: String, format: 'date-time' })
  declare since?: Date;

  @ApiPropertyOptional({ description: 'only syncs last changed before this time (ISO 8601)', type: String, format: 'date-time' })
  declare until?: Date;
}

export class GradeSyncAttemptViewDoc {
  @ApiProperty({ enum: ['succeeded', 'failed'] }) status!: string;
  @ApiProperty({ type: Number, nullable: true, description: "the platform's answer; null when none came" }) httpCode!: number | null;
  @ApiProperty() durationMs!: number;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: Number, nullable: true }) scoreGiven!: number | null;
  @ApiProperty({ type: Number, nullable: true }) scoreMaximum!: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class GradeSyncViewDoc {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) contextId!: string;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ enum: GRADE_SYNC_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true }) lineItemUrl!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the grade as last computed' }) scoreGiven!: number | null;
  @ApiProperty({ type: Number, nullable: true }) scoreMaximum!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'the score the platform last accepted' }) publishedScore!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) requestedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: Date;
  @ApiProperty({ type: [GradeSyncAttemptViewDoc], description: 'newest first, the last 20' }) attempts!: GradeSyncAttemptViewDoc[];
}

export class GradeSyncsDoc {
  @ApiProperty({ type: [GradeSyncViewDoc], description: 'most recently changed first (updatedAt, then id)' }) syncs!: GradeSyncViewDoc[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next (older) page; null on the last' })
  nextCursor!: string | null;
}

export class RosterSyncResultDoc {
  @ApiProperty({ format: 'uuid' }) contextId!: string;
  @ApiProperty({ format: 'uuid' }) cohortId!: string;
  @ApiProperty({ description: 'roster pages read (Link rel="next")' }) pages!: number;
  @ApiProperty({ description: 'members the roster listed' }) members!: number;
  @ApiProperty() usersCreated!: number;
  @ApiProperty() learnersAdded!: number;
  @ApiProperty() learnersRemoved!: number;
  @ApiProperty() instructors!: number;
  @ApiProperty({ description: 'members listed as Inactive or Deleted' }) inactive!: number;
  @ApiProperty({ description: 'false when the page bound stopped the paging (nobody was removed for being absent)' })
  complete!: boolean;
}
