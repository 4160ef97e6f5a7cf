// What follows an endpoint being disabled, beside the notification row the repository made with
// it: one `webhook.endpoint_disabled` log line, and the event of that name to the organisation's
// other enabled endpoints that subscribe to it (so an LMS can page someone). The disabled endpoint
// itself gets nothing (it is disabled); each disable removes one endpoint, so a chain of
// disables ends.
import { Injectable, Logger } from '@nestjs/common';
import type { WebhookEndpointRow } from '@asynclab/database';
import { WebhookDispatcher } from '@asynclab/webhooks';

@Injectable()
export class EndpointDisabledNotifier {
  private readonly logger = new Logger('webhook.endpoint_disabled');

  constructor(private readonly dispatcher: WebhookDispatcher) {}

  async disabled(endpoint: WebhookEndpointRow): Promise<void> {
    const reason = endpoint.disabledReason ?? '';
    this.logger.warn(
      `webhook.endpoint_disabled organization=${endpoint.organizationId} endpoint=${endpoint.id} url=${endpoint.url} reason="${reason}"`,
    );
    try {
      await this.dispatcher.emit(endpoint.organizationId, 'webhook.endpoint_disabled', {
        endpointId: endpoint.id,
        url: endpoint.url,
        reason,
        disabledAt: (endpoint.disabledAt ?? new Date()).toISOString(),
      });
    } catch (error) {
      // The notification row is stored already; the event is the extra.
      this.logger.warn(`the webhook.endpoint_disabled event was not sent: ${(error as Error).message}`);
    }
  }
}
