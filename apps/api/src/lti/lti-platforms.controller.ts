// Registering LMS platforms: an organisation's admins (or a key with `manage`). docs/lti.md.
import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import type { LtiPlatformView, LtiRegistrationLink, LtiToolConfiguration } from '@asynclab/contracts';
import { LtiKeyStore } from '@asynclab/lti';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import {
  CreateLtiPlatformDto,
  LtiKeyRotatedDoc,
  LtiPlatformsDoc,
  LtiPlatformViewDoc,
  LtiRegistrationLinkDoc,
  LtiToolConfigurationDoc,
  UpdateLtiPlatformDto,
} from './lti-platforms.dto';
import { LtiPlatformsService } from './lti-platforms.service';
import { toolConfiguration } from './lti-tool-configuration';

@ApiTags('lti')
@Controller('lti')
@Access({ roles: ['admin'], keyScope: 'manage' })
export class LtiPlatformsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platforms: LtiPlatformsService,
  ) {}

  @Get('tool-configuration')
  @ApiOperation({ summary: 'The URLs an LMS admin enters to register asynclab (and the JSON Canvas takes)' })
  @ApiOkResponse({ type: LtiToolConfigurationDoc })
  configuration(): LtiToolConfiguration {
    return toolConfiguration(this.config);
  }

  @Post('platforms')
  @ApiOperation({ summary: 'Register a platform by hand: issuer, client id, deployment ids and its endpoints' })
  @ApiCreatedResponse({ type: LtiPlatformViewDoc })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateLtiPlatformDto): Promise<LtiPlatformView> {
    return this.platforms.create(principal.organizationId, {
      name: dto.name,
      issuer: dto.issuer,
      clientId: dto.clientId,
      deploymentIds: dto.deploymentIds,
      authLoginUrl: dto.authLoginUrl,
      authTokenUrl: dto.authTokenUrl,
      authTokenAudience: dto.authTokenAudience ?? null,
      jwksUrl: dto.jwksUrl,
      registeredVia: 'manual',
    });
  }

  @Get('platforms')
  @ApiOperation({ summary: "The organisation's platforms" })
  @ApiOkResponse({ type: LtiPlatformsDoc })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ platforms: LtiPlatformView[] }> {
    return { platforms: await this.platforms.list(principal.organizationId) };
  }

  @Get('platforms/:id')
  @ApiOperation({ summary: 'One platform' })
  @ApiOkResponse({ type: LtiPlatformViewDoc })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<LtiPlatformView> {
    return this.platforms.get(principal.organizationId, id);
  }

  @Patch('platforms/:id')
  @ApiOperation({ summary: "Change a platform's name, endpoints or deployment ids (issuer and client id are its identity)" })
  @ApiOkResponse({ type: LtiPlatformViewDoc })
  update(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() dto: UpdateLtiPlatformDto): Promise<LtiPlatformView> {
    return this.platforms.update(principal.organizationId, id, dto);
  }

  @Delete('platforms/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a platform: its launches stop; the users and cohorts it created stay' })
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<void> {
    return this.platforms.remove(principal.organizationId, id);
  }

  @Post('registration-links')
  @ApiOperation({ summary: 'A single-use URL for LTI Dynamic Registration, valid for 24 hours' })
  @ApiCreatedResponse({ type: LtiRegistrationLinkDoc })
  registrationLink(@CurrentPrincipal() principal: Principal): Promise<LtiRegistrationLink> {
    return this.platforms.registrationLink(principal.organizationId);
  }
}

/** Our signing key is the service's, not an organisation's: rotating it is an operator's act. */
@ApiTags('admin')
@Controller('admin/lti')
@Access({ roles: ['admin'], keyScope: 'manage', operators: true })
export class LtiKeysController {
  constructor(private readonly keys: LtiKeyStore) {}

  @Post('rotate-key')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new LTI signing key signs from now on; the previous one stays in the JWKS for the overlap' })
  @ApiOkResponse({ type: LtiKeyRotatedDoc })
  rotate(): Promise<{ kid: string; retiredBefore: number }> {
    return this.keys.rotate();
  }
}
