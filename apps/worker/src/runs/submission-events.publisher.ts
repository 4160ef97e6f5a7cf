// Tells listeners (the API's live status stream) that a submission changed status. Best effort:
// a lost event costs a browser a refresh, never a report, which is always in PostgreSQL.
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG, AppConfig, redisOptions } from '@asynclab/config';
import { SUBMISSION_EVENTS_CHANNEL, type SubmissionEvent, type SubmissionStatus } from '@asynclab/contracts';

@Injectable()
export class SubmissionEventsPublisher implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis({ ...redisOptions(config.redisUrl), maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: true });
    this.redis.on('error', () => undefined);
    void this.redis.connect().catch(() => undefined);
  }

  async publish(submissionId: string, status: SubmissionStatus): Promise<void> {
    const event: SubmissionEvent = { submissionId, status, at: new Date().toISOString() };
    await this.redis.publish(SUBMISSION_EVENTS_CHANNEL, JSON.stringify(event)).catch(() => undefined);
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
