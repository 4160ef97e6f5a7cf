// Tells listeners (the API's live status stream) that a submission changed status. Best effort:
// a lost event costs a browser a refresh, never a report, which is always in PostgreSQL.
import { Injectable } from '@nestjs/common';
import { RedisConnections } from '@asynclab/config';
import { SUBMISSION_EVENTS_CHANNEL, type SubmissionEvent, type SubmissionStatus } from '@asynclab/contracts';

@Injectable()
export class SubmissionEventsPublisher {
  constructor(private readonly redis: RedisConnections) {}

  async publish(submissionId: string, status: SubmissionStatus): Promise<void> {
    const event: SubmissionEvent = { submissionId, status, at: new Date().toISOString() };
    await this.redis.commands.publish(SUBMISSION_EVENTS_CHANNEL, JSON.stringify(event)).catch(() => undefined);
  }
}
