import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { LATE_POLICIES, type LatePolicy } from '@asynclab/contracts';

export class CreateCohortDto {
  @ApiProperty({ example: 'Platform team, spring workshop' })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;
}

export class CreateAssignmentDto {
  @ApiProperty({ example: 'news-never-awaited' })
  @IsString()
  @MaxLength(100)
  labId!: string;

  @ApiProperty({ type: String, format: 'date-time', description: 'attempts count from this time' })
  @Type(() => Date)
  @IsDate({ message: 'opensAt must be an ISO 8601 date-time' })
  opensAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'after this time an attempt is late' })
  @Type(() => Date)
  @IsDate({ message: 'dueAt must be an ISO 8601 date-time' })
  dueAt!: Date;

  @ApiPropertyOptional({
    enum: LATE_POLICIES,
    default: 'accept',
    description:
      'accept: late attempts keep their score; penalty: minus latePenaltyPerDay per started day; lock: late attempts do not count',
  })
  @IsOptional()
  @IsIn(LATE_POLICIES)
  latePolicy?: LatePolicy;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 0, description: 'points off per started day late (policy "penalty")' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  latePenaltyPerDay?: number;
}

export class AddMemberDto {
  @ApiPropertyOptional({ example: 'ada@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ example: 'moodle-4711' })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'externalId must be 1-200 printable ASCII characters without spaces' })
  externalId?: string;
}

export class JoinCohortDto {
  @ApiProperty({ example: 'K7M2QX9P', description: 'the short code, or the last part of the invitation link' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{4,16}$/, { message: 'code must be the 8 letters and digits of a join code' })
  code!: string;
}

export class ExtendDueDateDto {
  @ApiProperty({ type: String, format: 'date-time' })
  @Type(() => Date)
  @IsDate({ message: 'dueAt must be an ISO 8601 date-time' })
  dueAt!: Date;
}

export class MatrixQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50, description: 'learners per page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

export class UserIdParam {
  @IsUUID()
  userId!: string;
}
