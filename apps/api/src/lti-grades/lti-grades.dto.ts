import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { GRADE_SYNC_STATUSES, type GradeSyncStatusView } from '@asynclab/contracts';

export class ListGradeSyncsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "only the syncs of this cohort's LTI context" })
  @IsOptional()
  @IsUUID()
  cohortId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assignmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'one learner' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ enum: GRADE_SYNC_STATUSES })
  @IsOptional()
  @IsIn(GRADE_SYNC_STATUSES, { message: `status must be one of ${GRADE_SYNC_STATUSES.join(', ')}` })
  status?: GradeSyncStatusView;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
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
  @ApiProperty({ type: [GradeSyncViewDoc] }) syncs!: GradeSyncViewDoc[];
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
