// Webhook endpoints, deliveries and attempts. What the API reads takes the organisation id, so
// another organisation's endpoint is simply not found; the worker reads a delivery by its id.
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../../../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export interface WebhookEndpointRow {
  id: string;
  organizationId: string;
  url: string;
  events: string[];
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  failedDeliveries: number;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
}

export interface WebhookAttemptRow {
  status: string;
  responseCode: number | null;
  durationMs: number;
  responseBody: string | null;
  error: string | null;
  createdAt: Date;
}

export interface WebhookDeliveryRow {
  id: string;
  endpointId: string;
  event: string;
  payload: unknown;
  status: string;
  redelivery: number;
  queuedAt: Date | null;
  createdAt: Date;
  attempts: WebhookAttemptRow[];
}

export type DeliveryForSend = WebhookDeliveryRow & { endpoint: WebhookEndpointRow; allowPrivate: boolean };

export interface SubmissionEventFacts {
  id: string;
  labId: string;
  organizationId: string;
  userId: string | null;
  externalId: string | null;
  status: string;
  outcome: string | null;
  score: number | null;
  finishedAt: Date | null;
}

export interface AssignmentEventFacts {
  assignmentId: string;
  cohortId: string;
  dueAt: Date;
  late: boolean;
  latePolicy: string;
}

const ATTEMPTS_IN_ORDER = { orderBy: { createdAt: 'asc' as const } };

@Injectable()
export class WebhooksRepository {
  constructor(private readonly prisma: PrismaService) {}

  createEndpoint(organizationId: string, data: { url: string; events: string[]; secret: string }): Promise<WebhookEndpointRow> {
    return this.prisma.webhookEndpoint.create({ data: { ...data, organizationId } });
  }

  listEndpoints(organizationId: string): Promise<WebhookEndpointRow[]> {
    return this.prisma.webhookEndpoint.findMany({ where: { organizationId }, orderBy: { createdAt: 'asc' } });
  }

  findEndpoint(organizationId: string, id: string): Promise<WebhookEndpointRow | null> {
    return this.prisma.webhookEndpoint.findFirst({ where: { id, organizationId } });
  }

  async rotateSecret(organizationId: string, id: string, secret: string, previousUntil: Date): Promise<WebhookEndpointRow | null> {
    const endpoint = await this.findEndpoint(organizationId, id);
    if (!endpoint) return null;
    return this.prisma.webhookEndpoint.update({
      where: { id },
      data: { secret, previousSecret: endpoint.secret, previousSecretExpiresAt: previousUntil },
    });
  }

  /** Enables again (after a fix on the receiver's side) and forgets the failures. */
  async enableEndpoint(organizationId: string, id: string): Promise<WebhookEndpointRow | null> {
    const { count } = await this.prisma.webhookEndpoint.updateMany({
      where: { id, organizationId },
      data: { disabledAt: null, disabledReason: null, failedDeliveries: 0 },
    });
    return count === 0 ? null : this.findEndpoint(organizationId, id);
  }

  async deleteEndpoint(organizationId: string, id: string): Promise<boolean> {
    const { count } = await this.prisma.webhookEndpoint.deleteMany({ where: { id, organizationId } });
    return count > 0;
  }

  async allowsPrivateTargets(organizationId: string): Promise<boolean> {
    const org = await this.prisma.organization.findUnique({ where: { id: organizationId }, select: { webhooksAllowPrivate: true } });
    return org?.webhooksAllowPrivate ?? false;
  }

  async setAllowPrivateTargets(organizationId: string, allow: boolean): Promise<void> {
    await this.prisma.organization.update({ where: { id: organizationId }, data: { webhooksAllowPrivate: allow } });
  }

  /** The enabled endpoints of the organisation that subscribed to the event. */
  /** Whether any enabled endpoint of the submission's organisation takes one of `events`: one query, most often no. */
  async anyEndpointForSubmission(submissionId: string, events: string[]): Promise<boolean> {
    const found = await this.prisma.webhookEndpoint.findFirst({
      where: { organization: { submissions: { some: { id: submissionId } } }, disabledAt: null, events: { hasSome: events } },
      select: { id: true },
    });
    return found !== null;
  }

  subscribedEndpoints(organizationId: string, event: string): Promise<WebhookEndpointRow[]> {
    return this.prisma.webhookEndpoint.findMany({ where: { organizationId, disabledAt: null, events: { has: event } } });
  }

  async createDeliveries(rows: { id: string; endpointId: string; event: string; payload: Prisma.InputJsonValue }[]): Promise<void> {
    if (rows.length > 0) await this.prisma.webhookDelivery.createMany({ data: rows, skipDuplicates: true });
  }

  async findForSend(id: string): Promise<DeliveryForSend | null> {
    const row = await this.prisma.webhookDelivery.findUnique({
      where: { id },
      include: { attempts: ATTEMPTS_IN_ORDER, endpoint: { include: { organization: { select: { webhooksAllowPrivate: true } } } } },
    });
    if (!row) return null;
    const { organization, ...endpoint } = row.endpoint;
    return { ...row, endpoint, allowPrivate: organization.webhooksAllowPrivate };
  }

  async recordAttempt(deliveryId: string, attempt: Omit<WebhookAttemptRow, 'createdAt'>): Promise<void> {
    await this.prisma.webhookAttempt.create({ data: { deliveryId, ...attempt } });
  }

  /** The delivery succeeded: the endpoint's run of failures ends. */
  async markSucceeded(deliveryId: string, endpointId: string): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.webhookDelivery.update({ where: { id: deliveryId }, data: { status: 'succeeded' } }),
      this.prisma.webhookEndpoint.update({ where: { id: endpointId }, data: { failedDeliveries: 0 } }),
    ]);
  }

  /**
   * The delivery ended failed; the endpoint is disabled once `disableAfter` have in a row. The
   * endpoint is answered with `disabledNow` when this failure is the one that disabled it.
   */
  async markFailed(
    deliveryId: string,
    endpointId: string,
    disableAfter: number,
  ): Promise<{ endpoint: WebhookEndpointRow; disabledNow: boolean }> {
    await this.prisma.webhookDelivery.update({ where: { id: deliveryId }, data: { status: 'failed' } });
    const endpoint = await this.prisma.webhookEndpoint.update({ where: { id: endpointId }, data: { failedDeliveries: { increment: 1 } } });
    if (endpoint.disabledAt || endpoint.failedDeliveries < disableAfter) return { endpoint, disabledNow: false };
    const disabled = await this.disable(endpointId, `failed deliveries in a row: ${String(endpoint.failedDeliveries)}`);
    return disabled ? { endpoint: disabled, disabledNow: true } : { endpoint, disabledNow: false };
  }

  /** What a submission event tells receivers; null for a submission outside any organisation. */
  async submissionForEvent(id: string): Promise<SubmissionEventFacts | null> {
    const row = await this.prisma.submission.findUnique({
      where: { id },
      select: {
        id: true,
        labId: true,
        organizationId: true,
        userId: true,
        status: true,
        outcome: true,
        score: true,
        finishedAt: true,
        user: { select: { externalId: true } },
      },
    });
    if (!row?.organizationId) return null;
    return { ...row, organizationId: row.organizationId, externalId: row.user?.externalId ?? null };
  }

  /** The open cohort assignments of the submission's lab for cohorts its learner belongs to, with their due date for that learner. */
  async assignmentsForSubmission(submissionId: string): Promise<AssignmentEventFacts[]> {
    const submission = await this.prisma.submission.findUnique({
      where: { id: submissionId },
      select: { userId: true, labId: true, createdAt: true },
    });
    if (!submission?.userId) return [];
    const { userId, createdAt } = submission;
    const assignments = await this.prisma.cohortAssignment.findMany({
      where: { labId: submission.labId, opensAt: { lte: createdAt }, cohort: { members: { some: { userId } } } },
      include: { extensions: { where: { userId } } },
    });
    return assignments.map((a) => {
      const dueAt = a.extensions[0]?.dueAt ?? a.dueAt;
      return { assignmentId: a.id, cohortId: a.cohortId, dueAt, late: createdAt > dueAt, latePolicy: a.latePolicy };
    });
  }

  /**
   * Disables an enabled endpoint and tells its organisation (a notification row), in one
   * transaction; null when it was disabled already, so a notification is made once per disable.
   */
  disable(endpointId: string, reason: string): Promise<WebhookEndpointRow | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.webhookEndpoint.updateMany({
        where: { id: endpointId, disabledAt: null },
        data: { disabledAt: new Date(), disabledReason: reason },
      });
      if (count === 0) return null;
      const endpoint = await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
      await tx.organizationNotification.create({
        data: {
          organizationId: endpoint.organizationId,
          kind: 'webhook.endpoint_disabled',
          message: `The webhook endpoint ${endpoint.url} was disabled (${reason}). Fix the receiver, then enable it again and redeliver what failed.`,
          endpointId,
        },
      });
      return endpoint;
    });
  }
}
