// An endpoint's delivery log (paged, filtered) and redelivering one delivery or many. A
// redelivery starts a new round of the same delivery (the same webhook-id) only when it is not
// already on its way, so asking twice queues it once; when Redis is away the round is stored and
// the worker's sweeper queues it (docs/webhooks.md).
import { Injectable } from '@nestjs/common';
import { ErrorCode, type WebhookDeliveryPage, type WebhookDeliveryView, type WebhookRedeliveryResult } from '@asynclab/contracts';
import {
  WebhookDeliveriesRepository,
  WebhooksRepository,
  type DeliveryFilter,
  type PageQuery,
  type WebhookDeliveryRow,
} from '@asynclab/database';
import { DeliveryEnqueuer } from '@asynclab/webhooks';
import { WebhooksException } from './webhooks.exception';

/** At most this many deliveries per redeliver-many call; `more` says to call again. */
export const MAX_REDELIVER_BATCH = 100;

export interface RedeliverRequest {
  deliveryIds?: string[];
  status?: 'failed' | 'succeeded';
  since?: Date;
  until?: Date;
}

@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly endpoints: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly enqueuer: DeliveryEnqueuer,
  ) {}

  async page(organizationId: string, endpointId: string, filter: DeliveryFilter, query: PageQuery): Promise<WebhookDeliveryPage> {
    await this.endpoint(organizationId, endpointId);
    const page = await this.deliveries.page(organizationId, endpointId, filter, query);
    return { deliveries: page.items.map(deliveryView), nextCursor: page.nextCursor };
  }

  /** The same delivery again (the same webhook-id); already pending, it is left as it is. */
  async redeliverOne(organizationId: string, endpointId: string, deliveryId: string): Promise<WebhookDeliveryView> {
    await this.enabledEndpoint(organizationId, endpointId);
    if (!(await this.deliveries.find(organizationId, endpointId, deliveryId))) throw deliveryNotFound(deliveryId);
    await this.redeliver(deliveryId);
    const delivery = await this.deliveries.find(organizationId, endpointId, deliveryId);
    if (!delivery) throw deliveryNotFound(deliveryId); // deleted meanwhile with its endpoint
    return deliveryView(delivery);
  }

  /** The listed deliveries, or up to MAX_REDELIVER_BATCH matching the filter (oldest first). */
  async redeliverMany(organizationId: string, endpointId: string, request: RedeliverRequest): Promise<WebhookRedeliveryResult> {
    await this.enabledEndpoint(organizationId, endpointId);
    const hasFilter = request.status !== undefined || request.since !== undefined || request.until !== undefined;
    if (request.deliveryIds && hasFilter) {
      throw new WebhooksException(
        ErrorCode.WebhookRedeliveryFilterInvalid,
        'give either deliveryIds or a filter (status, since, until), not both',
        'deliveryIds',
      );
    }
    if (request.since && request.until && request.since >= request.until) {
      throw new WebhooksException(ErrorCode.WebhookRedeliveryFilterInvalid, 'since must be before until', 'since');
    }
    let ids: string[];
    let more = false;
    if (request.deliveryIds) {
      const statuses = await this.deliveries.statusesOf(organizationId, endpointId, request.deliveryIds);
      const unknown = request.deliveryIds.find((id) => !statuses.has(id));
      if (unknown) throw deliveryNotFound(unknown); // nothing is redelivered when one id is wrong
      ids = request.deliveryIds;
    } else {
      const filter = { status: request.status ?? 'failed', since: request.since, until: request.until };
      ids = await this.deliveries.matching(organizationId, endpointId, filter, MAX_REDELIVER_BATCH + 1);
      more = ids.length > MAX_REDELIVER_BATCH;
      ids = ids.slice(0, MAX_REDELIVER_BATCH);
    }
    const result: WebhookRedeliveryResult = { redelivered: [], alreadyPending: [], more };
    for (const id of ids) {
      if (await this.redeliver(id)) result.redelivered.push(id);
      else result.alreadyPending.push(id);
    }
    return result;
  }

  /** False when the delivery was pending already (nothing done). */
  private async redeliver(deliveryId: string): Promise<boolean> {
    const round = await this.deliveries.startRound(deliveryId);
    if (round === null) return false;
    await this.enqueuer.enqueue(deliveryId, round); // false: stored, the sweeper queues it
    return true;
  }

  private async endpoint(organizationId: string, id: string) {
    const endpoint = await this.endpoints.findEndpoint(organizationId, id);
    if (!endpoint) throw endpointNotFound(id);
    return endpoint;
  }

  private async enabledEndpoint(organizationId: string, id: string): Promise<void> {
    const endpoint = await this.endpoint(organizationId, id);
    if (endpoint.disabledAt) throw new WebhooksException(ErrorCode.WebhookEndpointDisabled, `webhook endpoint "${id}" is disabled`, 'id');
  }
}

export const endpointNotFound = (id: string) =>
  new WebhooksException(ErrorCode.WebhookEndpointNotFound, `webhook endpoint "${id}" does not exist`, 'id');

const deliveryNotFound = (id: string) =>
  new WebhooksException(ErrorCode.WebhookDeliveryNotFound, `delivery "${id}" is not one of this endpoint's`, 'deliveryId');

export function deliveryView(row: WebhookDeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    event: row.event,
    status: row.status as WebhookDeliveryView['status'],
    redelivery: row.redelivery,
    queuedAt: row.queuedAt,
    createdAt: row.createdAt,
    attempts: row.attempts.map((attempt) => ({ ...attempt, status: attempt.status as 'succeeded' | 'failed' })),
  };
}
