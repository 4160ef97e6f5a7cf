// A submission's whole path: REST API -> PostgreSQL -> BullMQ -> worker -> Docker sandbox with the
// real harness -> report stored through Prisma -> REST API.
// jest's own expect: its asymmetric matchers (expect.any, objectContaining) are typed, not `any`.
import { expect } from '@jest/globals';
import { startService, RunningService } from '../../../../test/e2e/support/service';
import { reportOf, submitAndWait, SubmissionReportBody } from '../../../../test/e2e/support/client';
import { defined } from '../../../../test/e2e/support/defined';
import { busyLoop, correctNews, lockReentryDeadlock, memoryHog, neverAwaitedAndSilentPass } from './programs';

const at = (report: SubmissionReportBody, code: string) =>
  report.diagnostics.filter((d) => d.code === code).map((d) => `${d.location.file}:${d.location.line}`);

describe('a submission travels through the queue and the sandbox and comes back as a report', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service.close());

  it('passes a correct program, with every test and the phase timings in the report', async () => {
    const result = await submitAndWait(service.baseUrl, 'playground', correctNews);
    expect(result.status).toBe('completed');
    const report = reportOf(result);
    expect(report.outcome).toBe('pass');
    expect(report.runOutcome).toBeNull();
    expect(report.diagnostics).toEqual([]);
    expect(report.counts).toMatchObject({ total: 1, passed: 1, failed: 0 });
    expect(report.tests).toEqual([expect.objectContaining({ id: 'test_news.py::test_fetch_all', outcome: 'passed' })]);
    for (const phase of ['queuedMs', 'containerStartMs', 'pytestMs', 'storeMs', 'totalMs'] as const) {
      expect(report.timings[phase]).toEqual(expect.any(Number));
    }
    expect(result.startedAt).not.toBeNull();
    expect(result.finishedAt).not.toBeNull();
  });

  it('finds a never-awaited coroutine at the line that made it and a test that lies', async () => {
    const report = reportOf(await submitAndWait(service.baseUrl, 'playground', neverAwaitedAndSilentPass));
    expect(report.outcome).toBe('fail');
    expect(at(report, 'never-awaited')).toEqual(['news.py:7']);
    expect(at(report, 'silent-pass')).toEqual(['test_news.py:9']);
    const silent = report.diagnostics.find((d) => d.code === 'silent-pass');
    expect(silent).toMatchObject({ severity: 'error', test: 'test_news.py::test_fetch_is_truthy' });
    expect(defined(silent, 'a silent-pass diagnostic').explanation.length).toBeGreaterThan(0);
    expect(defined(silent, 'a silent-pass diagnostic').hint.length).toBeGreaterThan(0);
  });

  it('reports a deadlock at the line the stuck task waits on, long before the time limit', async () => {
    const report = reportOf(await submitAndWait(service.baseUrl, 'playground', lockReentryDeadlock));
    expect(report.outcome).toBe('fail');
    expect(at(report, 'deadlock')).toEqual(['news.py:8']);
    expect(at(report, 'timeout')).toEqual([]);
    const deadlock = report.diagnostics.find((d) => d.code === 'deadlock');
    expect(defined(deadlock, 'a deadlock diagnostic').evidence).toContain('news.py');
    // The playground allows 5 s per test: a verdict that waited for it would take longer than this.
    expect(report.timings.pytestMs).toBeLessThan(4_000);
  });

  it('ends a busy loop as timeout at the line it spun on, and still runs the other tests', async () => {
    const report = reportOf(await submitAndWait(service.baseUrl, 'playground', busyLoop));
    expect(report.outcome).toBe('fail');
    const [where] = at(report, 'timeout');
    expect(['news.py:3', 'news.py:4']).toContain(where);
    expect(report.tests.find((t) => t.id === 'test_news.py::test_other')?.outcome).toBe('passed');
  });

  it('stops a run that exhausts the memory limit and says which limit', async () => {
    const result = await submitAndWait(service.baseUrl, 'playground', memoryHog);
    expect(result.status).toBe('completed');
    const report = reportOf(result);
    expect(report.outcome).toBe('error');
    const runOutcome = defined(report.runOutcome, 'a run outcome');
    expect(runOutcome.kind).toBe('resource-limit');
    expect(runOutcome.message).toContain('memory');
  });
});
