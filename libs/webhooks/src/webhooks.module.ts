// Emitting webhook events (the dispatcher) and queueing deliveries, for the worker and the API.
import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookQueue } from './webhook-queue';
import { DeliveryEnqueuer } from './delivery-enqueuer';

@Module({
  imports: [DatabaseModule],
  providers: [WebhookQueue, DeliveryEnqueuer, WebhookDispatcher],
  exports: [WebhookQueue, DeliveryEnqueuer, WebhookDispatcher],
})
export class WebhooksModule {}
