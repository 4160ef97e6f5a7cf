// An endpoint's delivery log and redeliveries, for the organisation's admins (or a key with
// `manage`); another organisation's endpoint answers 404.
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WebhookDeliveryPage, WebhookDeliveryView, WebhookRedeliveryResult } from '@asynclab/contracts';
import { Access } from '../auth/access.decorator';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { toPageQuery } from '../common/dto/page-query.dto';
import { DELIVERY_ID_PATTERN } from '@asynclab/database';
import {
  ListDeliveriesQuery,
  RedeliverManyDto,
  WebhookDeliveriesDoc,
  WebhookDeliveryViewDoc,
  WebhookRedeliveryResultDoc,
} from './webhook-deliveries.dto';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

@ApiTags('webhooks')
@Controller('webhooks/endpoints/:id')
@Access({ roles: ['admin'], keyScope: 'manage' })
export class WebhookDeliveriesController {
  constructor(private readonly deliveries: WebhookDeliveriesService) {}

  @Get('deliveries')
  @ApiOperation({
    summary: 'The delivery log, newest first, a page at a time: every attempt with its status, response code, duration and capped body',
  })
  @ApiOkResponse({ type: WebhookDeliveriesDoc })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListDeliveriesQuery,
  ): Promise<WebhookDeliveryPage> {
    const page = toPageQuery(query, DELIVERY_ID_PATTERN);
    return this.deliveries.page(principal.organizationId, id, { status: query.status, event: query.event }, page);
  }

  @Post('deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send one delivery again, with the same webhook-id and a fresh round of attempts (once, however often asked while it is pending)',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryViewDoc })
  redeliver(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<WebhookDeliveryView> {
    return this.deliveries.redeliverOne(principal.organizationId, id, deliveryId);
  }

  @Post('redeliver')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Redeliver many: the listed deliveries, or up to 100 matching a filter (status, default failed; since; until), oldest first. Pending ones are left as they are',
  })
  @ApiAcceptedResponse({ type: WebhookRedeliveryResultDoc })
  redeliverMany(
    @CurrentPrincipal() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RedeliverManyDto,
  ): Promise<WebhookRedeliveryResult> {
    return this.deliveries.redeliverMany(principal.organizationId, id, dto);
  }
}
