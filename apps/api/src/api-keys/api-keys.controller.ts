// An organisation's API keys, managed by its admins from the web app.
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal, SessionPrincipal } from '../auth/principal';
import { ErrorCode } from '@asynclab/contracts';
import { ApiKeysException } from './api-keys.exception';
import type { ApiKeyCreated, ApiKeyListing } from '@asynclab/contracts';
import { ApiKeyCreatedView, ApiKeyView, CreateApiKeyDto } from './api-keys.dto';
import { ApiKeysService } from './api-keys.service';

@ApiTags('api keys')
@Controller('keys')
@Access({ roles: ['admin'] })
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key; the response holds the whole key, shown only this once' })
  @ApiCreatedResponse({ type: ApiKeyCreatedView })
  create(@CurrentPrincipal() admin: SessionPrincipal, @Body() dto: CreateApiKeyDto): Promise<ApiKeyCreated> {
    return this.keys.create(admin.organizationId, dto.name, dto.scopes, admin.userId);
  }

  @Get()
  @ApiOperation({ summary: "The organisation's keys (never their secrets)" })
  @ApiOkResponse({ type: [ApiKeyView] })
  async list(@CurrentPrincipal() admin: SessionPrincipal): Promise<{ keys: ApiKeyListing[] }> {
    return { keys: await this.keys.list(admin.organizationId) };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: every later request with it answers 401' })
  async revoke(@CurrentPrincipal() admin: SessionPrincipal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    if (!(await this.keys.revoke(admin.organizationId, id)))
      throw new ApiKeysException(ErrorCode.KeyNotFound, `API key "${id}" does not exist or is already revoked`, 'id');
  }
}
