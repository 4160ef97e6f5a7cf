import { Module } from '@nestjs/common';
import { DatabaseModule } from '@asynclab/database';
import { WebhooksModule as WebhookDeliveryModule } from '@asynclab/webhooks';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({
  imports: [DatabaseModule, WebhookDeliveryModule],
  controllers: [WebhooksController],
  providers: [WebhooksService],
})
export class WebhooksApiModule {}
