// Follows one submission for one browser: its current state at once, then every change, then the
// whole submission view, then the end of the stream. Changes come from the shared Redis subscriber;
// PostgreSQL stays the truth, read at the start, after a subscriber reconnect and now and then as
// a guard against a lost event (the worker publishes best effort).
import { Injectable, MessageEvent } from '@nestjs/common';
import { Observable, concat, concatMap, filter, from, interval, map, merge, of, takeUntil, takeWhile } from 'rxjs';
import { SubmissionsRepository } from '@asynclab/database';
import { SubmissionsService } from '../submissions/submissions.service';
import { isFinal, isSubmissionStatus, statusRank, type SubmissionStatus } from '@asynclab/contracts';
import { KEEP_ALIVE, finalEvent, statusEvent } from './live-events';
import { QueuePositionService } from './queue-position.service';
import { SubmissionEventsHub } from './submission-events.hub';

/** How often the stream re-reads the submission in case an event was lost. */
const RECHECK_MS = 15_000;
/** A comment this often keeps proxies from closing a quiet stream. */
const KEEP_ALIVE_MS = 20_000;

/** Why the stream looks again: its own status changed, the line moved, or it is time to re-read. */
type Trigger = { kind: 'own'; status: SubmissionStatus } | { kind: 'line-moved' } | { kind: 'reread' };

interface Shown {
  status: SubmissionStatus;
  position: number | null;
}

@Injectable()
export class LiveStatusService {
  constructor(
    private readonly hub: SubmissionEventsHub,
    private readonly positions: QueuePositionService,
    private readonly submissions: SubmissionsService,
    private readonly repository: SubmissionsRepository,
  ) {}

  /** The stream of an existing submission (the controller has checked it exists). */
  follow(id: string): Observable<MessageEvent> {
    const jobId = this.positions.jobIdOf(id);
    const triggers$: Observable<Trigger> = merge(
      this.hub.events$.pipe(
        filter((event) => event.submissionId === id),
        map((event): Trigger => ({ kind: 'own', status: event.status })),
      ),
      // The line changed: a job ahead started (everybody behind moved up), or this one joined it
      // late (the sweeper queues what the API could not). This job starting is not news: its
      // 'running' comes from the worker.
      this.positions.lineChanged$.pipe(
        filter((change) => !(change.jobId === jobId && change.kind === 'active')),
        map((): Trigger => ({ kind: 'line-moved' })),
      ),
      merge(this.hub.resync$, interval(RECHECK_MS)).pipe(map((): Trigger => ({ kind: 'reread' }))),
    );
    return new Observable<MessageEvent>((subscriber) => {
      let shown: Shown | null = null;
      // concat subscribes to the hub before the first read resolves, so no change published while
      // that read is in flight is missed; concatMap answers the triggers one at a time, in order.
      const updates$ = concat(of<Trigger>({ kind: 'reread' }), triggers$).pipe(
        concatMap((trigger) => from(this.next(id, shown, trigger))),
        filter((next): next is Shown => next !== null && !sameAs(next, shown)),
        takeWhile((next) => !isFinal(next.status), true),
        concatMap((next) => {
          shown = next;
          if (!isFinal(next.status)) return of(statusEvent(id, next.status, next.position));
          return concat(of(statusEvent(id, next.status, null)), from(this.submissions.get(id)).pipe(map(finalEvent)));
        }),
      );
      const keepAlive = interval(KEEP_ALIVE_MS).subscribe(() => {
        subscriber.next(KEEP_ALIVE);
      });
      const updates = updates$.subscribe(subscriber);
      return () => {
        keepAlive.unsubscribe();
        updates.unsubscribe();
      };
    }).pipe(takeUntil(this.hub.closing$));
  }

  /** What the stream should show after this trigger, or null for "nothing new". */
  private async next(id: string, shown: Shown | null, trigger: Trigger): Promise<Shown | null> {
    let status: SubmissionStatus | undefined;
    if (trigger.kind === 'own') status = trigger.status;
    else if (trigger.kind === 'reread') status = (await this.repository.findStatus(id))?.status;
    else status = shown?.status; // the line moved: same status, maybe a new place in it
    if (!status || !isSubmissionStatus(status)) return null;
    if (shown && statusRank(status) < statusRank(shown.status)) return null; // a late, older answer
    const position = status === 'queued' ? await this.positions.positionOf(id) : null;
    return { status, position };
  }
}

function sameAs(next: Shown, shown: Shown | null): boolean {
  return shown !== null && next.status === shown.status && next.position === shown.position;
}
