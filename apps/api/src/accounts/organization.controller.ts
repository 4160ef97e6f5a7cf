// The caller's own organisation (there is no way to name another) and its invitations.
import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { InvitationsRepository, OrganizationRow, OrganizationsRepository, ROLES, Role } from '@asynclab/database';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal, Principal } from '../auth/principal';
import { randomToken, sha256 } from '../auth/secrets';
import { ErrorCode } from '@asynclab/contracts';
import { AccountsException } from './accounts.exception';

const INVITATION_TTL_MS = 7 * 24 * 3600_000;

export class UpdateOrganizationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) name?: string;
  @ApiPropertyOptional({ description: 'anyone may create a learner account' }) @IsOptional() @IsBoolean() openSignup?: boolean;
  @ApiPropertyOptional({ description: 'browsers without an account practise as guests' }) @IsOptional() @IsBoolean() allowGuests?: boolean;
}

export class CreateInvitationDto {
  @ApiProperty() @IsEmail() @MaxLength(200) email!: string;
  @ApiPropertyOptional({ enum: ROLES, default: 'learner' }) @IsOptional() @IsIn(ROLES) role?: Role;
}

@ApiTags('organisation')
@Controller()
export class OrganizationController {
  constructor(
    private readonly organizations: OrganizationsRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  @Get('organization')
  @Access({ roles: 'any', keyScope: 'read' })
  @ApiOperation({ summary: "The caller's organisation and its sign-up settings" })
  async get(@CurrentPrincipal() principal: Principal): Promise<OrganizationRow> {
    const organization = await this.organizations.findById(principal.organizationId);
    if (!organization) throw new AccountsException(ErrorCode.OrganizationNotFound, 'the organisation no longer exists');
    return organization;
  }

  @Patch('organization')
  @Access({ roles: ['admin'], keyScope: 'manage' })
  @ApiOperation({ summary: 'Change the name and the open sign-up and guest settings' })
  update(@CurrentPrincipal() principal: Principal, @Body() dto: UpdateOrganizationDto): Promise<OrganizationRow> {
    return this.organizations.update(principal.organizationId, dto);
  }

  @Post('invitations')
  @Access({ roles: ['admin'], keyScope: 'manage' })
  @ApiOperation({ summary: 'Invite someone by email; the token (shown once) goes into the sign-up link' })
  async invite(@CurrentPrincipal() principal: Principal, @Body() dto: CreateInvitationDto) {
    const token = randomToken();
    const organization = await this.get(principal);
    const invitation = await this.invitations.create(principal.organizationId, {
      email: dto.email,
      role: dto.role ?? 'learner',
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    });
    const query = new URLSearchParams({ organization: organization.slug, invitation: token, email: invitation.email });
    return { ...invitation, token, signUpUrl: `/sign-up?${query}` };
  }
}
