// Emitting webhook events (the dispatcher) and queueing deliveries, for the worker and the API.
import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookQueue } from './webhook-queue';

@Module({
  imports: [DatabaseModule],
  providers: [WebhookQueue, WebhookDispatcher],
  exports: [WebhookQueue, WebhookDispatcher],
})
export class WebhooksModule {}
