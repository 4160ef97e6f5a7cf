// The payload contract of the webhook deliveries queue (producers: the worker on an event, the API
// on a redelivery; consumer: the worker). A new shape gets a new version beside the old one.
import { InvalidJobPayloadError } from './run-submission.job';
import { JobName, QueueName } from './queue-names';

export const DELIVER_WEBHOOK_QUEUE = QueueName.WebhookDeliveries;
export const DELIVER_WEBHOOK_JOB = JobName.DeliverWebhook;

export interface DeliverWebhookJobV1 {
  version: 1;
  /** webhook_deliveries.id: the webhook-id header, the same on every attempt and redelivery. */
  deliveryId: string;
  /** The round (webhook_deliveries.redelivery) this job sends; a job of an older round is stale. Absent: round 0. */
  redelivery?: number;
}

export type DeliverWebhookJob = DeliverWebhookJobV1;

const DELIVERY_ID = /^msg_[A-Za-z0-9_-]{10,64}$/;

export function parseDeliverWebhookJob(data: unknown): DeliverWebhookJob {
  if (typeof data !== 'object' || data === null) throw new InvalidJobPayloadError('payload must be an object');
  const payload = data as Record<string, unknown>;
  if (payload.version !== 1) throw new InvalidJobPayloadError(`unknown payload version ${String(payload.version)}`);
  if (typeof payload.deliveryId !== 'string' || !DELIVERY_ID.test(payload.deliveryId)) {
    throw new InvalidJobPayloadError('deliveryId must be a delivery id (msg_…)');
  }
  const { redelivery } = payload;
  if (redelivery !== undefined && !(typeof redelivery === 'number' && Number.isInteger(redelivery) && redelivery >= 0)) {
    throw new InvalidJobPayloadError('redelivery must be a whole number');
  }
  return { version: 1, deliveryId: payload.deliveryId, ...(redelivery === undefined ? {} : { redelivery }) };
}

/** One job per delivery, and one more per redelivery asked for (BullMQ ignores a second add of an id). */
export function deliverWebhookJobId(deliveryId: string, redelivery = 0): string {
  return redelivery === 0 ? `whd-${deliveryId}` : `whd-${deliveryId}-r${String(redelivery)}`;
}
