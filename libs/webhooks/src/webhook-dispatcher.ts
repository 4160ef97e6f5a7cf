// Turns an event into one delivery per subscribed endpoint: rows first (PostgreSQL is the truth,
// the delivery log shows them even if Redis is down), then one queued job each.
import { Injectable } from '@nestjs/common';
import type { WebhookEvent } from '@asynclab/contracts';
import { WebhooksRepository } from '@asynclab/database';
import type { Prisma } from '../../../generated/prisma/client';
import { newDeliveryId } from './webhook-signing';
import { DeliveryEnqueuer } from './delivery-enqueuer';

const SUBMISSION_EVENTS: WebhookEvent[] = ['submission.completed', 'lab.passed', 'assignment.graded'];

@Injectable()
export class WebhookDispatcher {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly enqueuer: DeliveryEnqueuer,
  ) {}

  /** The delivery ids made (none when no enabled endpoint of the organisation subscribed). */
  async emit(organizationId: string, event: WebhookEvent, data: Prisma.InputJsonObject): Promise<string[]> {
    const endpoints = await this.webhooks.subscribedEndpoints(organizationId, event);
    const rows = endpoints.map((endpoint) => ({ id: newDeliveryId(), endpointId: endpoint.id, event, payload: data }));
    await this.webhooks.createDeliveries(rows);
    for (const row of rows) {
      if (!(await this.enqueuer.enqueue(row.id, 0))) break; // Redis is away: the sweeper queues the rest
    }
    return rows.map((row) => row.id);
  }

  /**
   * submission.completed for every graded submission, lab.passed when it passed, and
   * assignment.graded for each open cohort assignment of its lab that its learner has (the raw
   * score with the learner's due date and whether it was late: the late policy is the receiver's).
   */
  async submissionCompleted(submissionId: string): Promise<void> {
    // Every graded run passes here: most organisations have no endpoint, and one query says so.
    if (!(await this.webhooks.anyEndpointForSubmission(submissionId, SUBMISSION_EVENTS))) return;
    const facts = await this.webhooks.submissionForEvent(submissionId);
    if (!facts) return;
    const data = {
      submissionId: facts.id,
      labId: facts.labId,
      userId: facts.userId,
      externalId: facts.externalId,
      status: facts.status,
      outcome: facts.outcome,
      score: facts.score,
      finishedAt: facts.finishedAt?.toISOString() ?? null,
    };
    await this.emit(facts.organizationId, 'submission.completed', data);
    if (facts.outcome === 'pass') await this.emit(facts.organizationId, 'lab.passed', data);
    for (const assignment of await this.webhooks.assignmentsForSubmission(submissionId)) {
      await this.emit(facts.organizationId, 'assignment.graded', { ...data, ...assignment, dueAt: assignment.dueAt.toISOString() });
    }
  }
}
