// The delivery log (paged and filtered), redelivery rounds and the sweeper's view of deliveries
// whose job never reached the queue. What the API reads takes the organisation id, so another
// organisation's deliveries are simply not found.
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../../../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { pageWhere, toPage, type Page, type PageQuery } from './pagination';
import type { WebhookDeliveryRow } from './webhooks.repository';

export interface DeliveryFilter {
  status?: string;
  event?: string;
  /** Only for matching(); a page's time window is its PageQuery's. */
  since?: Date;
  until?: Date;
}

/** The shape of a delivery id (webhook-id), for the log's cursors. */
export const DELIVERY_ID_PATTERN = /^msg_[A-Za-z0-9_-]{10,64}$/;

export interface SweptDelivery {
  id: string;
  redelivery: number;
  queuedAt: Date | null;
}

const ATTEMPTS_IN_ORDER = { orderBy: { createdAt: 'asc' as const } };

function where(organizationId: string, endpointId: string, filter: DeliveryFilter): Prisma.WebhookDeliveryWhereInput {
  return {
    endpointId,
    endpoint: { organizationId },
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.event ? { event: filter.event } : {}),
    ...(filter.since || filter.until
      ? { createdAt: { ...(filter.since ? { gte: filter.since } : {}), ...(filter.until ? { lt: filter.until } : {}) } }
      : {}),
  };
}

@Injectable()
export class WebhookDeliveriesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A page of the log, newest first, filtered by status, event and time. */
  async page(organizationId: string, endpointId: string, filter: DeliveryFilter, query: PageQuery): Promise<Page<WebhookDeliveryRow>> {
    const rows = await this.prisma.webhookDelivery.findMany({
      where: { ...where(organizationId, endpointId, filter), ...pageWhere(query) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
      include: { attempts: ATTEMPTS_IN_ORDER },
    });
    return toPage(rows, query.limit);
  }

  find(organizationId: string, endpointId: string, id: string): Promise<WebhookDeliveryRow | null> {
    return this.prisma.webhookDelivery.findFirst({
      where: { id, endpointId, endpoint: { organizationId } },
      include: { attempts: ATTEMPTS_IN_ORDER },
    });
  }

  /** The ids among `ids` that are this endpoint's, with their status. */
  async statusesOf(organizationId: string, endpointId: string, ids: string[]): Promise<Map<string, string>> {
    const rows = await this.prisma.webhookDelivery.findMany({
      where: { id: { in: ids }, endpointId, endpoint: { organizationId } },
      select: { id: true, status: true },
    });
    return new Map(rows.map((row) => [row.id, row.status]));
  }

  /** Oldest first, so repeated calls work through a backlog in order. */
  async matching(organizationId: string, endpointId: string, filter: DeliveryFilter, limit: number): Promise<string[]> {
    const rows = await this.prisma.webhookDelivery.findMany({
      where: where(organizationId, endpointId, filter),
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit,
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  /**
   * Starts a new round for a delivery that is not already on its way: the round's number, or null
   * when it was pending (queued, retrying, or waiting for the sweeper) and so is left alone. One
   * conditional UPDATE, so two redeliveries at once make one round.
   */
  async startRound(id: string): Promise<number | null> {
    const rows = await this.prisma.$queryRaw<{ redelivery: number }[]>`
      UPDATE webhook_deliveries SET status = 'pending', redelivery = redelivery + 1, queued_at = NULL
      WHERE id = ${id} AND status <> 'pending' RETURNING redelivery`;
    return rows[0]?.redelivery ?? null;
  }

  /** BullMQ took the job of this round. */
  async markQueued(id: string, redelivery: number): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({ where: { id, redelivery, queuedAt: null }, data: { queuedAt: new Date() } });
  }

  /** Pending deliveries made before `before` whose job never reached the queue, oldest first. */
  neverQueued(before: Date, limit: number): Promise<SweptDelivery[]> {
    return this.prisma.webhookDelivery.findMany({
      where: { status: 'pending', queuedAt: null, createdAt: { lt: before } },
      orderBy: { createdAt: 'asc' },
      take: limit,
      select: { id: true, redelivery: true, queuedAt: true },
    });
  }

  /**
   * Pending deliveries queued before `before`, in (queued_at, id) order after `after`: the sweeper
   * walks them a batch per sweep, looking for jobs Redis lost, and starts again at the end.
   */
  queuedPending(before: Date, after: { queuedAt: Date; id: string } | null, limit: number): Promise<SweptDelivery[]> {
    const later = after ? { OR: [{ queuedAt: { gt: after.queuedAt } }, { queuedAt: after.queuedAt, id: { gt: after.id } }] } : {};
    return this.prisma.webhookDelivery.findMany({
      where: { status: 'pending', queuedAt: { not: null, lt: before }, ...later },
      orderBy: [{ queuedAt: 'asc' }, { id: 'asc' }],
      take: limit,
      select: { id: true, redelivery: true, queuedAt: true },
    });
  }
}
