import { decideRepair } from './reconcile-decision';

const now = 1_000_000;
const grace = 15_000;

describe('decideRepair', () => {
  it('re-queues a job Redis lost, unless a live worker is still running it', () => {
    expect(decideRepair({ kind: 'missing', runningOnLiveWorker: false }, now, grace)).toBe('requeue');
    expect(decideRepair({ kind: 'missing', runningOnLiveWorker: true }, now, grace)).toBe('none');
  });

  it('leaves waiting, delayed and active jobs to BullMQ', () => {
    expect(decideRepair({ kind: 'pending' }, now, grace)).toBe('none');
  });

  it('retries a job that failed while its failure could not be recorded, after the grace', () => {
    expect(decideRepair({ kind: 'failed', finishedOn: now - grace - 1 }, now, grace)).toBe('retry-failed');
    expect(decideRepair({ kind: 'failed', finishedOn: now - 1_000 }, now, grace)).toBe('none');
  });

  it('replaces a job that completed without PostgreSQL recording the verdict', () => {
    expect(decideRepair({ kind: 'completed', finishedOn: now - grace - 1 }, now, grace)).toBe('replace-finished');
    expect(decideRepair({ kind: 'completed', finishedOn: now }, now, grace)).toBe('none');
  });
});
