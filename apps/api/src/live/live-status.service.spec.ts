import { MessageEvent } from '@nestjs/common';
import { Subject, firstValueFrom, toArray } from 'rxjs';
import type { SubmissionEvent } from '@asynclab/contracts';
import { LiveStatusService } from './live-status.service';

const ID = '3f1c2b7e-8a34-4a8e-9c51-0d2f6e1b9a77';
const OTHER = '11111111-2222-4333-8444-555555555555';

/** A hand-driven world: the hub's subjects, a queue position, a database status. */
function world(options: { status: string; position?: number | null; readDelayMs?: number }) {
  const events = new Subject<SubmissionEvent>();
  const resync = new Subject<void>();
  const closing = new Subject<void>();
  const line = new Subject<{ jobId: string; kind: string }>();
  const state = { status: options.status, position: options.position ?? (null as number | null), reads: 0 };
  const hub = { events$: events.asObservable(), resync$: resync.asObservable(), closing$: closing.asObservable() };
  const positions = {
    positionOf: () => Promise.resolve(state.position),
    lineChanged$: line.asObservable(),
    jobIdOf: (id: string) => `run-${id}`,
  };
  const repository = {
    findStatus: async () => {
      state.reads += 1;
      const status = state.status; // read now, answered later: a slow query
      await new Promise((resolve) => setTimeout(resolve, options.readDelayMs ?? 0));
      return { status };
    },
  };
  const submissions = { get: (id: string) => Promise.resolve({ id, status: state.status, report: { outcome: 'pass' } }) };
  const service = new LiveStatusService(hub as never, positions as never, submissions as never, repository as never);
  const publish = (submissionId: string, status: SubmissionEvent['status']) => {
    events.next({ submissionId, status, at: new Date().toISOString() });
  };
  return { service, state, publish, resync, closing, line };
}

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));
const summary = (events: MessageEvent[]) =>
  events.map((e) =>
    e.type === 'status'
      ? `${(e.data as { status: string }).status}${(e.data as { position: number | null }).position ? `#${(e.data as { position: number }).position}` : ''}`
      : e.type,
  );

describe('LiveStatusService.follow', () => {
  it('sends the current state, each change, then the whole submission, and ends', async () => {
    const w = world({ status: 'queued', position: 3 });
    const all = firstValueFrom(w.service.follow(ID).pipe(toArray()));
    await tick();
    w.state.position = 2;
    w.line.next({ jobId: `run-${OTHER}`, kind: 'active' }); // someone ahead started: one place up
    await tick();
    w.state.position = null; // taken by a worker: out of the wait list, not yet marked running
    w.line.next({ jobId: `run-${ID}`, kind: 'active' }); // not news: the worker says 'running'
    await tick();
    w.state.status = 'running';
    w.publish(ID, 'running');
    await tick();
    w.state.status = 'completed';
    w.publish(ID, 'completed');
    const events = await all;
    expect(summary(events)).toEqual(['queued#3', 'queued#2', 'running', 'completed', 'final']);
    expect(events[4].data).toMatchObject({ id: ID, status: 'completed', report: { outcome: 'pass' } });
  });

  it('misses no change published while the first read is still in flight', async () => {
    const w = world({ status: 'queued', position: 1, readDelayMs: 30 });
    const all = firstValueFrom(w.service.follow(ID).pipe(toArray()));
    await tick();
    w.state.status = 'completed';
    w.publish(ID, 'running');
    w.publish(ID, 'completed');
    expect(summary(await all)).toEqual(['queued#1', 'running', 'completed', 'final']);
  });

  it('never moves back when an older answer arrives after a newer event', async () => {
    const w = world({ status: 'running', readDelayMs: 20 });
    const seen: MessageEvent[] = [];
    const subscription = w.service.follow(ID).subscribe((e) => seen.push(e));
    await tick(30);
    w.state.status = 'queued'; // a stale read (e.g. a replica) must not undo "running"
    w.resync.next();
    await tick(30);
    expect(summary(seen)).toEqual(['running']);
    subscription.unsubscribe();
  });

  it('re-reads the database after the subscriber reconnects, catching a change it never heard of', async () => {
    const w = world({ status: 'running' });
    const all = firstValueFrom(w.service.follow(ID).pipe(toArray()));
    await tick();
    w.state.status = 'completed'; // its event was published while Redis was away
    w.resync.next();
    expect(summary(await all)).toEqual(['running', 'completed', 'final']);
    expect(w.state.reads).toBe(2);
  });

  it('ends open streams when the process shuts down', async () => {
    const w = world({ status: 'queued', position: 1 });
    const all = firstValueFrom(w.service.follow(ID).pipe(toArray()));
    await tick();
    w.closing.next();
    expect(summary(await all)).toEqual(['queued#1']);
  });
});
