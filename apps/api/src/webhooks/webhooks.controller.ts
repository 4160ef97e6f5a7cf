// An organisation's webhook endpoints: its admins (or a key with `manage`) register, rotate,
// enable and delete them (the delivery log: webhook-deliveries.controller.ts). docs/webhooks.md
// describes what is sent.
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WebhookEndpointCreated, WebhookEndpointView } from '@asynclab/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import {
  CreateWebhookEndpointDto,
  WebhookEndpointCreatedDoc,
  WebhookEndpointsDoc,
  WebhookEndpointViewDoc,
  WebhookSettingsDto,
  WebhookSettingsViewDoc,
} from './webhooks.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Controller('webhooks')
@Access({ roles: ['admin'], keyScope: 'manage' })
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post('endpoints')
  @ApiOperation({ summary: 'Register an endpoint; the answer holds its signing secret (whsec_…), shown only this once' })
  @ApiCreatedResponse({ type: WebhookEndpointCreatedDoc })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateWebhookEndpointDto): Promise<WebhookEndpointCreated> {
    return this.webhooks.create(principal.organizationId, dto.url, dto.events);
  }

  @Get('endpoints')
  @ApiOperation({ summary: "The organisation's endpoints (never their secrets)" })
  @ApiOkResponse({ type: WebhookEndpointsDoc })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ endpoints: WebhookEndpointView[] }> {
    return { endpoints: await this.webhooks.list(principal.organizationId) };
  }

  @Get('endpoints/:id')
  @ApiOperation({ summary: 'One endpoint: enabled or why it was disabled' })
  @ApiOkResponse({ type: WebhookEndpointViewDoc })
  get(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointView> {
    return this.webhooks.get(principal.organizationId, id);
  }

  @Delete('endpoints/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint with its delivery log' })
  @ApiNoContentResponse()
  remove(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.webhooks.remove(principal.organizationId, id);
  }

  @Post('endpoints/:id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: 'A new secret, shown once; the old one still signs beside it until previousSecretExpiresAt' })
  @ApiOkResponse({ type: WebhookEndpointCreatedDoc })
  rotate(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointCreated> {
    return this.webhooks.rotate(principal.organizationId, id);
  }

  @Post('endpoints/:id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled endpoint again (its URL is checked again)' })
  @ApiOkResponse({ type: WebhookEndpointViewDoc })
  enable(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointView> {
    return this.webhooks.enable(principal.organizationId, id);
  }

  @Get('settings')
  @ApiOperation({ summary: "The organisation's webhook settings" })
  @ApiOkResponse({ type: WebhookSettingsViewDoc })
  settings(@CurrentPrincipal() principal: Principal): Promise<{ allowPrivateTargets: boolean }> {
    return this.webhooks.settings(principal.organizationId);
  }

  @Patch('settings')
  @ApiOperation({ summary: 'Allow (or forbid again) endpoints on private, loopback or link-local addresses' })
  @ApiOkResponse({ type: WebhookSettingsViewDoc })
  updateSettings(@CurrentPrincipal() principal: Principal, @Body() dto: WebhookSettingsDto): Promise<{ allowPrivateTargets: boolean }> {
    return this.webhooks.updateSettings(principal.organizationId, dto.allowPrivateTargets);
  }
}
