import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Me, Role, SessionListing } from '@asynclab/contracts';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const PASSWORD_MIN = 10;

export class SignInDto {
  @ApiPropertyOptional({ description: 'slug of the organisation; "public" when omitted', example: 'acme' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  organization?: string;

  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail()
  @MaxLength(200)
  email!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class SignUpDto extends SignInDto {
  @ApiProperty({ minLength: PASSWORD_MIN })
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `password must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(200)
  declare password: string;

  @ApiPropertyOptional({ example: 'Ada Lovelace' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({ description: 'token from an invitation; not needed where the organisation has open sign-up' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  invitation?: string;
}

export class GuestDto {
  @ApiPropertyOptional({ description: 'slug of an organisation that allows guests; "public" when omitted' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,60}$/)
  organization?: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN })
  @IsString()
  @MinLength(PASSWORD_MIN, { message: `newPassword must be at least ${PASSWORD_MIN} characters` })
  @MaxLength(200)
  newPassword!: string;
}

export class MeView implements Me {
  @ApiProperty() userId!: string;
  @ApiProperty() organizationId!: string;
  @ApiProperty() organization!: string;
  @ApiProperty({ enum: ['learner', 'instructor', 'admin'] }) role!: Role;
  @ApiProperty() isGuest!: boolean;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName!: string | null;
  @ApiProperty({ description: 'echo it in the X-CSRF-Token header on every write' }) csrfToken!: string;
}

export class SessionView implements SessionListing {
  @ApiProperty() id!: string;
  @ApiProperty() current!: boolean;
  @ApiProperty({ nullable: true, type: String }) userAgent!: string | null;
  @ApiProperty({ nullable: true, type: String }) ip!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() lastSeenAt!: Date;
  @ApiProperty() expiresAt!: Date;
}
