// The one Redis subscriber of this process. Every live status stream listens here instead of
// opening its own connection: a thousand open browser tabs cost one Redis connection, not a thousand.
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { Observable, Subject } from 'rxjs';
import { errorMessage, RedisConnections } from '@asynclab/config';
import { SUBMISSION_EVENTS_CHANNEL, SubmissionEvent, parseSubmissionEvent } from '@asynclab/contracts';

@Injectable()
export class SubmissionEventsHub implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SubmissionEventsHub.name);
  private readonly redis: Redis;
  private readonly eventsSubject = new Subject<SubmissionEvent>();
  private readonly resyncSubject = new Subject<void>();
  private readonly closingSubject = new Subject<void>();
  private connectedOnce = false;

  /** Every status change of every submission, as the worker published it. */
  readonly events$: Observable<SubmissionEvent> = this.eventsSubject.asObservable();

  /**
   * Fires after the subscriber reconnects. Pub/sub keeps nothing for a disconnected listener,
   * so streams re-read their submission from PostgreSQL instead of trusting they missed nothing.
   */
  readonly resync$: Observable<void> = this.resyncSubject.asObservable();

  /** The process is shutting down: streams end, so open browser tabs do not hold the server open. */
  readonly closing$: Observable<void> = this.closingSubject.asObservable();

  constructor(connections: RedisConnections) {
    // ioredis re-subscribes by itself
    // after a reconnect (autoResubscribe), so only the missed messages need the resync signal.
    this.redis = connections.subscriber('live status subscriber');
    this.redis.on('error', (error: Error) => {
      this.logger.warn(`live status subscriber: ${error.message}`);
    });
    this.redis.on('ready', () => {
      if (this.connectedOnce) this.resyncSubject.next();
      this.connectedOnce = true;
    });
    this.redis.on('message', (channel: string, message: string) => {
      if (channel !== SUBMISSION_EVENTS_CHANNEL) return;
      const event = parseSubmissionEvent(message);
      if (event) this.eventsSubject.next(event);
    });
  }

  onModuleInit(): void {
    // A Redis that is down at boot must not stop the API: the subscription comes with the
    // first successful (re)connect, and streams still answer from PostgreSQL meanwhile.
    this.redis.subscribe(SUBMISSION_EVENTS_CHANNEL).catch((error: unknown) => {
      this.logger.warn(`live status subscriber not subscribed yet: ${errorMessage(error)}`);
    });
  }

  onModuleDestroy(): void {
    this.closingSubject.next();
    this.closingSubject.complete();
    this.eventsSubject.complete();
    this.resyncSubject.complete();
    this.redis.disconnect();
  }
}
