export * from './outbound-target';
export * from './webhook-signing';
export * from './retry-schedule';
export * from './send-webhook';
export * from './webhook-queue';
export * from './delivery-enqueuer';
export * from './webhook-dispatcher';
export * from './webhooks.module';
