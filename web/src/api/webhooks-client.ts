// The webhook and notification endpoints of the REST API, for the admin pages.
import { json, request } from './client';
import type { NotificationView, WebhookDeliveryPage, WebhookDeliveryView, WebhookEndpointView, WebhookRedeliveryResult } from './types';

const q = encodeURIComponent;

export interface DeliveryFilter {
  status?: string;
  event?: string;
  cursor?: string;
}

function query(filter: DeliveryFilter): string {
  const params = new URLSearchParams({ limit: '25' });
  for (const [name, value] of Object.entries(filter) as [string, string | undefined][]) if (value) params.set(name, value);
  return params.toString();
}

export const webhooksApi = {
  endpoints: () => request<{ endpoints: WebhookEndpointView[] }>('/webhooks/endpoints').then((body) => body.endpoints),
  endpoint: (id: string) => request<WebhookEndpointView>(`/webhooks/endpoints/${q(id)}`),
  enable: (id: string) => request<WebhookEndpointView>(`/webhooks/endpoints/${q(id)}/enable`, { method: 'POST' }),
  deliveries: (id: string, filter: DeliveryFilter) =>
    request<WebhookDeliveryPage>(`/webhooks/endpoints/${q(id)}/deliveries?${query(filter)}`),
  redeliver: (id: string, deliveryId: string) =>
    request<WebhookDeliveryView>(`/webhooks/endpoints/${q(id)}/deliveries/${q(deliveryId)}/redeliver`, { method: 'POST' }),
  /** Up to 100 failed deliveries (oldest first); `more` says to ask again. */
  redeliverFailed: (id: string) =>
    request<WebhookRedeliveryResult>(`/webhooks/endpoints/${q(id)}/redeliver`, json('POST', { status: 'failed' })),
  notifications: () => request<{ notifications: NotificationView[]; unread: number }>('/notifications?unread=true&limit=20'),
  markRead: (id: string) => request<NotificationView>(`/notifications/${q(id)}/read`, { method: 'POST' }),
};
