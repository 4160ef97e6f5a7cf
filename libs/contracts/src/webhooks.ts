// Webhook events and the API views of endpoints and deliveries (docs/webhooks.md).
export const WEBHOOK_EVENTS = ['submission.completed', 'lab.passed', 'assignment.graded', 'cohort.member_joined'] as const;
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
  status: 'pending' | 'succeeded' | 'failed';
  createdAt: Date;
  attempts: WebhookAttemptView[];
}
