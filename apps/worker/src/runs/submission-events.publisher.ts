// Tells listeners (the API's live status stream) that a submission changed status. Best effort:
// a lost event costs a browser a refresh, never a report, which is always in PostgreSQL.
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig, redisOptions } from '@asynclab/config';
import { SUBMISSION_EVENTS_CHANNEL, SubmissionEventStatus } from '@asynclab/jobs';

@Injectable()
export class SubmissionEventsPublisher implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis({ ...redisOptions(config.redisUrl), maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
    this.redis.on('error', () => undefined);
    void this.redis.connect().catch(() => undefined);
  }

  async publish(submissionId: string, status: SubmissionEventStatus): Promise<void> {
    const event = JSON.stringify({ submissionId, status, at: new Date().toISOString() });
    await this.redis.publish(SUBMISSION_EVENTS_CHANNEL, event).catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
