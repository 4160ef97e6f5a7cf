// Webhook events and the API views of endpoints and deliveries (docs/webhooks.md).
export const WEBHOOK_EVENTS = [
  'submission.completed',
  'lab.passed',
  'assignment.graded',
  'cohort.member_joined',
  'webhook.endpoint_disabled',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookEndpointView {
  id: string;
  url: string;
  events: string[];
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  /** Until when the secret replaced by the last rotation still signs; null when none does. */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
}

/** The answer to registering or rotating: the only time the secret is shown. */
export interface WebhookEndpointCreated extends WebhookEndpointView {
  secret: string;
}

export interface WebhookAttemptView {
  status: 'succeeded' | 'failed';
  responseCode: number | null;
  durationMs: number;
  responseBody: string | null;
  error: string | null;
  createdAt: Date;
}

export interface WebhookDeliveryView {
  /** The webhook-id header of every attempt. */
  id: string;
  event: string;
  status: WebhookDeliveryStatus;
  /** 0 for the first send, then one more per redelivery. */
  redelivery: number;
  /** When this round's job reached the queue; null while it has not (the worker's sweeper queues it). */
  queuedAt: Date | null;
  createdAt: Date;
  attempts: WebhookAttemptView[];
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export interface WebhookDeliveryPage {
  deliveries: WebhookDeliveryView[];
  /** Pass as cursor for the next (older) page; null on the last. */
  nextCursor: string | null;
}

/** The answer to redelivering many: what was queued again, and what was already on its way. */
export interface WebhookRedeliveryResult {
  redelivered: string[];
  alreadyPending: string[];
  /** More deliveries matched the filter than one call redelivers: call again. */
  more: boolean;
}

export const NOTIFICATION_KINDS = ['webhook.endpoint_disabled'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Something the organisation's admins must know (GET /notifications, the admin page). */
export interface OrganizationNotificationView {
  id: string;
  kind: NotificationKind;
  message: string;
  /** The webhook endpoint it is about, while it exists. */
  endpointId: string | null;
  createdAt: Date;
  readAt: Date | null;
}
