import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { WebhooksModule as WebhookDeliveryModule } from '@asynclab/webhooks';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookDeliveriesService } from './webhook-deliveries.service';

@Module({
  imports: [DatabaseModule, WebhookDeliveryModule],
  controllers: [WebhooksController, WebhookDeliveriesController],
  providers: [WebhooksService, WebhookDeliveriesService],
})
export class WebhooksApiModule {}
