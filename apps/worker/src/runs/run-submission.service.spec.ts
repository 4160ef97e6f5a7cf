import type { AppConfig } from '@asynclab/config';
import type { GradedRun, HarnessReport, SubmissionVerdict } from '@asynclab/contracts';
import type { LabsRepository, SubmissionsRepository } from '@asynclab/database';
import type { WebhookDispatcher } from '@asynclab/webhooks';
import type { LtiGradePassback } from '@asynclab/lti-advantage';
import { FakeSandboxDriver, SandboxInfraError, SandboxRequest, SandboxResult } from '@asynclab/sandbox';
import { RunSubmissionService } from './run-submission.service';
import type { SubmissionEventsPublisher } from './submission-events.publisher';

const SUBMISSION_ID = '3f1c2b7e-8a34-4a8e-9c51-0d2f6e1b9a77';
const output = { stdoutTail: '', stderrTail: '', truncated: false };
const timings = { containerStartMs: 100, runMs: 500 };

const report = (outcome: 'passed' | 'failed'): HarnessReport => ({
  version: 1,
  harness: '1.0.0',
  runtime: { python: '3.11.2', pytest: '7.2.1', pytestAsyncio: '0.20.3' },
  outcome: outcome === 'passed' ? 'pass' : 'fail',
  runOutcome: null,
  counts: { total: 1, passed: outcome === 'passed' ? 1 : 0, failed: outcome === 'failed' ? 1 : 0, error: 0, skipped: 0 },
  tests: [{ id: 'test_news.py::test_a', outcome, durationMs: 3, message: null }],
  diagnostics: [],
  timings: { collectMs: 10, testsMs: 390, totalMs: 400 },
});

const fixTestsLab = {
  manifest: {
    id: 'lab',
    title: 't',
    chapter: 12,
    difficulty: 'beginner',
    kind: 'fix-tests',
    objectives: [],
    timeLimitSec: 20,
    perTestTimeoutSec: 5,
    editable: ['test_news.py'],
    codeUnderTest: ['news.py'],
    exhibits: [],
    scoring: { correctPasses: 20, variantsCaught: 60, noDiagnostics: 20 },
  },
  readme: '',
  starter: { 'test_news.py': 's' },
  tests: {},
  hidden: {},
  solution: { 'news.py': 'good', 'test_news.py': 'ref' },
  variants: { broken: { 'news.py': 'bad' }, sneaky: { 'news.py': 'bad2' } },
};

function build(answer: (request: SandboxRequest) => SandboxResult, claim = true) {
  const stored: Array<{ runs: GradedRun[]; verdict: SubmissionVerdict }> = [];
  const submissions = {
    findForRun: () =>
      Promise.resolve({
        id: SUBMISSION_ID,
        labId: 'lab',
        labVersionId: 'v1',
        files: { 'test_news.py': 'learner' },
        status: 'queued',
        createdAt: new Date(),
      }),
    claimForRun: () => Promise.resolve(claim),
    complete: (_id: string, runs: GradedRun[], verdict: SubmissionVerdict) => {
      stored.push({ runs, verdict });
      return Promise.resolve(stored.length === 1);
    },
    markInfraError: () => Promise.resolve(undefined),
  } as unknown as SubmissionsRepository;
  const labs = {
    findVersion: () => Promise.resolve({ id: 'v1', labId: 'lab', contentHash: 'h', content: fixTestsLab }),
  } as unknown as LabsRepository;
  const events: string[] = [];
  const publisher = {
    publish: (_id: string, status: string) => {
      events.push(status);
      return Promise.resolve();
    },
  } as unknown as SubmissionEventsPublisher;
  const driver = new FakeSandboxDriver(answer);
  const config = { sandbox: { memoryMb: 256, pids: 128, outputCapBytes: 4 << 20 } } as AppConfig;
  const webhooks = { submissionCompleted: () => Promise.resolve() } as unknown as WebhookDispatcher;
  const passback = { submissionGraded: () => Promise.resolve([]) } as unknown as LtiGradePassback;
  const sut = new RunSubmissionService(config, driver, submissions, labs, publisher, webhooks, passback);
  return { sut, driver, stored, events };
}

describe('RunSubmissionService', () => {
  it('runs the learner tests against the solution and every variant, and stores one verdict', async () => {
    const { sut, driver, stored, events } = build((request) => {
      const code = request.files['news.py'];
      return { status: 'completed', report: report(code === 'good' || code === 'bad2' ? 'passed' : 'failed'), output, timings };
    });
    expect(await sut.run(SUBMISSION_ID)).toBe('stored');
    expect(driver.requests.map((r) => r.runId)).toEqual([
      `${SUBMISSION_ID}/main`,
      `${SUBMISSION_ID}/variant:broken`,
      `${SUBMISSION_ID}/variant:sneaky`,
    ]);
    expect(driver.requests.every((r) => r.files['test_news.py'] === 'learner')).toBe(true);
    const [{ runs, verdict }] = stored;
    expect(runs.map((r) => [r.variant, r.outcome])).toEqual([
      ['main', 'pass'],
      ['variant:broken', 'fail'],
      ['variant:sneaky', 'pass'],
    ]);
    expect(verdict).toMatchObject({ outcome: 'fail', score: 20 + 30 + 20 });
    expect(events).toEqual(['running', 'completed']);
  });

  it('does nothing for a submission that already has its verdict', async () => {
    const { sut, driver } = build(() => ({ status: 'timeout', output, timings }), false);
    expect(await sut.run(SUBMISSION_ID)).toBe('already-done');
    expect(driver.requests).toEqual([]);
  });

  it('turns a sandbox limit into a run-level outcome, not a learner diagnostic', async () => {
    const { sut, stored } = build(() => ({ status: 'resource-limit', limit: 'memory', output, timings }));
    await sut.run(SUBMISSION_ID);
    const main = stored[0].runs[0];
    expect(main).toMatchObject({ outcome: 'error', runOutcome: { kind: 'resource-limit' }, diagnostics: [] });
    expect(main.runOutcome?.message).toContain('256 MiB');
    expect(stored[0].verdict).toMatchObject({ outcome: 'error', runOutcome: 'resource-limit', score: 0 });
  });

  it('lets infra failures propagate so the queue retries them', async () => {
    const { sut, stored } = build(() => {
      throw new SandboxInfraError('daemon unreachable');
    });
    await expect(sut.run(SUBMISSION_ID)).rejects.toThrow(SandboxInfraError);
    expect(stored).toEqual([]);
  });
});
