import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { UserListing } from '@asynclab/contracts';
import { ROLES, Role, UserRow } from '@asynclab/database';
import { PageQueryDto } from '../common/dto/page-query.dto';

const EXTERNAL_ID = /^[\x21-\x7e]{1,200}$/;

export class CreateUserDto {
  @ApiPropertyOptional({ description: "the LMS's own id for this learner (unique in the organisation)", example: 'moodle-4711' })
  @IsOptional()
  @Matches(EXTERNAL_ID, { message: 'externalId must be 1-200 printable ASCII characters without spaces' })
  externalId?: string;

  @ApiPropertyOptional({ example: 'ada@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiPropertyOptional({ example: 'Ada Lovelace' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, default: 'learner' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UpdateUserDto extends CreateUserDto {}

export class UserListQuery extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(EXTERNAL_ID)
  externalId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}

export class UserView implements UserListing {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ nullable: true, type: String }) externalId!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export function toUserView(row: UserRow): UserListing {
  return {
    id: row.id,
    role: row.role,
    externalId: row.externalId,
    email: row.email,
    displayName: row.displayName,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
