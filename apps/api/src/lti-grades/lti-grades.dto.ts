import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { GRADE_SYNC_STATUSES, ROSTER_SYNC_STATUSES, ROSTER_SYNC_TRIGGERS, type GradeSyncStatusView } from '@asynclab/contracts';
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
  @ApiProperty({ description: 'active learners listed who were members already' }) learnersKept!: number;
  @ApiProperty() instructors!: number;
  @ApiProperty({ description: 'members listed as Inactive or Deleted' }) inactive!: number;
  @ApiProperty({ description: 'false when the page bound stopped the paging (nobody was removed for being absent)' })
  complete!: boolean;
}

export class RosterSyncRunViewDoc {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ROSTER_SYNC_TRIGGERS, description: "the worker's schedule, an instructor's launch, or a request" }) trigger!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "the schedule's slot; null for a launch or a request" })
  slotAt!: Date | null;
  @ApiProperty({ enum: ROSTER_SYNC_STATUSES, description: 'retrying: a scheduled run waiting for its next attempt' }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'the counts are null until the run succeeded' }) pages!: number | null;
  @ApiProperty({ type: Number, nullable: true }) members!: number | null;
  @ApiProperty({ type: Number, nullable: true }) usersCreated!: number | null;
  @ApiProperty({ type: Number, nullable: true }) learnersAdded!: number | null;
  @ApiProperty({ type: Number, nullable: true }) learnersRemoved!: number | null;
  @ApiProperty({ type: Number, nullable: true }) learnersKept!: number | null;
  @ApiProperty({ type: Number, nullable: true }) instructors!: number | null;
  @ApiProperty({ type: Number, nullable: true }) inactive!: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) complete!: boolean | null;
  @ApiProperty({ type: String, nullable: true, description: "the platform's last error" }) error!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: Date | null;
}

export class LtiContextViewDoc {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) platformId!: string;
  @ApiProperty({ description: "the platform's own id of the course" }) contextId!: string;
  @ApiProperty({ format: 'uuid' }) cohortId!: string;
  @ApiProperty({ type: String, nullable: true }) title!: string | null;
  @ApiProperty({ description: 'whether launches carried a names and roles service (NRPS)' }) namesAndRoles!: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'how often the worker syncs the roster; null: the schedule is off' })
  rosterSyncIntervalMinutes!: number | null;
  @ApiProperty({ type: RosterSyncRunViewDoc, nullable: true, description: 'the latest run that finished (succeeded or failed)' })
  lastRosterSync!: RosterSyncRunViewDoc | null;
  @ApiProperty({ type: [RosterSyncRunViewDoc], description: 'the latest runs, newest first (at most 10)' })
  rosterSyncs!: RosterSyncRunViewDoc[];
  @ApiProperty({ type: String, format: 'date-time', description: 'when a launch first linked the course' }) createdAt!: Date;
}

export class LtiContextPageDoc {
  @ApiProperty({ type: [LtiContextViewDoc], description: 'newest first (createdAt, then id)' }) contexts!: LtiContextViewDoc[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next (older) page; null on the last' })
  nextCursor!: string | null;
}

/** The context list's query: PageQueryDto's limit, cursor and window on createdAt, and the cohort. */
export class ListLtiContextsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: "only the context linked to this cohort (at most one); 404 COHORT_NOT_FOUND for another organisation's",
  })
  @IsOptional()
  @IsUUID()
  cohortId?: string;
}
