// One attempt of one webhook delivery: check the target again, sign with the secrets in force,
// send, log the attempt. A 2xx ends it; a 410 disables the endpoint at once; anything else throws
// so BullMQ tries again on the backoff (webhook-consumer.ts) until the attempts run out, which
// counts against the endpoint (disabled after too many failed deliveries in a row).
import { Inject, Injectable } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { WebhooksRepository, type DeliveryForSend } from '@asynclab/database';
import { parseDeliverWebhookJob } from '@asynclab/jobs';
import {
  AttemptFailed,
  checkOutboundTarget,
  OutboundTargetError,
  sendWebhook,
  signDelivery,
  signingSecrets,
  type SendResult,
} from '@asynclab/webhooks';
import { EndpointDisabledNotifier } from './endpoint-disabled.notifier';

/** A failed attempt, with the receiver's Retry-After (the queue's backoff honours it). */
export class DeliveryAttemptFailed extends AttemptFailed {}

@Injectable()
export class WebhookDeliveryProcessor {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: WebhooksRepository,
    private readonly notifier: EndpointDisabledNotifier,
  ) {}

  async process(job: Job): Promise<void> {
    const { deliveryId, redelivery = 0 } = parseDeliverWebhookJob(job.data);
    const delivery = await this.webhooks.findForSend(deliveryId);
    if (!delivery) return; // the endpoint was deleted with its deliveries
    // A job of an earlier round added late, or one queued again by the sweeper after its delivery
    // ended: that round is over, and nothing is sent twice.
    if (delivery.redelivery !== redelivery || delivery.status !== 'pending') return;
    if (delivery.endpoint.disabledAt) {
      await this.webhooks.markFailed(delivery.id, delivery.endpointId, this.config.webhooks.disableAfterFailedDeliveries);
      throw new UnrecoverableError('the endpoint is disabled');
    }
    const isLastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const result = await this.attempt(delivery);
    const succeeded = result.responseCode !== null && result.responseCode >= 200 && result.responseCode < 300;
    await this.webhooks.recordAttempt(delivery.id, {
      status: succeeded ? 'succeeded' : 'failed',
      responseCode: result.responseCode,
      durationMs: result.durationMs,
      responseBody: result.responseBody,
      error: result.error,
    });
    if (succeeded) {
      await this.webhooks.markSucceeded(delivery.id, delivery.endpointId);
      return;
    }
    if (result.responseCode === 410) {
      const disabled = await this.webhooks.disable(delivery.endpointId, 'the receiver answered 410 Gone');
      await this.webhooks.markFailed(delivery.id, delivery.endpointId, this.config.webhooks.disableAfterFailedDeliveries);
      if (disabled) await this.notifier.disabled(disabled);
      throw new UnrecoverableError('410 Gone: endpoint disabled');
    }
    if (isLastAttempt) {
      const failed = await this.webhooks.markFailed(delivery.id, delivery.endpointId, this.config.webhooks.disableAfterFailedDeliveries);
      if (failed.disabledNow) await this.notifier.disabled(failed.endpoint);
    }
    throw new DeliveryAttemptFailed(result.error ?? `the receiver answered ${String(result.responseCode)}`, result.retryAfter);
  }

  private async attempt(delivery: DeliveryForSend): Promise<SendResult> {
    const started = performance.now();
    let url: URL;
    try {
      url = await checkOutboundTarget(delivery.endpoint.url, delivery.allowPrivate);
    } catch (error) {
      if (!(error instanceof OutboundTargetError)) throw error;
      return {
        responseCode: null,
        retryAfter: undefined,
        responseBody: null,
        error: error.message,
        durationMs: Math.round(performance.now() - started),
      };
    }
    const now = new Date();
    const body = JSON.stringify({ type: delivery.event, timestamp: delivery.createdAt.toISOString(), data: delivery.payload });
    const headers = signDelivery(signingSecrets(delivery.endpoint, now), delivery.id, now, body);
    return sendWebhook({
      url,
      headers: { ...headers },
      body,
      timeoutMs: this.config.webhooks.timeoutMs,
      allowPrivate: delivery.allowPrivate,
    });
  }
}
