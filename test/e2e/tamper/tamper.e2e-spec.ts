// The tamper suite (issue 9): learner code that tries to forge its grade, run through the real
// service (API, queue, worker, Docker sandbox). Each attempt must end, in one run and with no
// infra retry (the worker here gets a single attempt), with the score its real behaviour earns:
// never above the unchanged starter's, never `pass`, and no hidden assertion in what it shows.
// TAMPER_RECORD=<file> appends each attempt's outcome as a JSON line (for the before/after table).
import { appendFileSync } from 'node:fs';
import { startService, RunningService } from '../support/service';
import { post, submitAndWait, waitForVerdict } from '../support/client';
import { ATTEMPTS, FIX_CODE_LAB, FIX_TESTS_LAB, PLAYGROUND, hiddenAssertions, labFile } from './attempts';

interface Verdict {
  status: string;
  report: {
    outcome: string;
    runOutcome: { kind: string; message: string } | null;
    score: { total: number } | null;
  };
}

const record = (entry: object) => {
  if (process.env.TAMPER_RECORD) appendFileSync(process.env.TAMPER_RECORD, `${JSON.stringify(entry)}\n`);
};

describe('learner code cannot forge its grade', () => {
  let service: RunningService;
  const starterScore: Record<string, number> = {};
  beforeAll(async () => {
    service = await startService({ env: { WORKER_INFRA_ATTEMPTS: '1' } });
  });
  afterAll(() => service.close());

  it('the unchanged starters earn their honest scores and the solution earns full marks', async () => {
    for (const lab of [FIX_CODE_LAB, FIX_TESTS_LAB]) {
      const editable = lab === FIX_CODE_LAB ? 'news.py' : 'test_news.py';
      const result = (await submitAndWait(service.baseUrl, lab, { [editable]: labFile(lab, `starter/${editable}`) })) as Verdict;
      expect(result.status).toBe('completed');
      expect(result.report.outcome).toBe('fail');
      starterScore[lab] = result.report.score?.total ?? 100;
      record({ attempt: `unchanged starter of ${lab}`, status: result.status, outcome: result.report.outcome, score: starterScore[lab] });
    }
    const solved = (await submitAndWait(service.baseUrl, FIX_CODE_LAB, {
      'news.py': labFile(FIX_CODE_LAB, 'solution/news.py'),
    })) as Verdict;
    expect(solved.report).toMatchObject({ outcome: 'pass', score: { total: 100 } });
    expect(starterScore[FIX_CODE_LAB]).toBeLessThan(100);
  });

  it.each(ATTEMPTS.map((attempt) => [attempt.name, attempt] as const))('%s', async (name, attempt) => {
    const created = await post<{ id: string; code?: string }>(service.baseUrl, '/submissions', {
      labId: attempt.lab,
      files: attempt.files,
    });
    if (created.status !== 202) {
      record({ attempt: name, status: created.status, code: created.body.code });
      expect(attempt.expected).toBe('refused');
      expect(created.status).toBe(400);
      return;
    }
    const result = (await waitForVerdict(service.baseUrl, created.body.id, 90_000)) as Verdict;
    const { report } = result;
    record({
      attempt: name,
      status: result.status,
      outcome: report.outcome,
      runOutcome: report.runOutcome?.kind ?? null,
      score: report.score?.total ?? null,
    });
    expect(attempt.expected).not.toBe('refused');
    expect(result.status).toBe('completed');
    expect(report.runOutcome?.kind).not.toBe('infra-error');
    expect(report.outcome).not.toBe('pass');
    if (attempt.lab === PLAYGROUND) expect(report.score).toBeNull();
    else expect(report.score?.total).toBeLessThanOrEqual(starterScore[attempt.lab]);
    if (attempt.expected === 'crashed') {
      expect(report.runOutcome?.kind).toBe('crashed');
      expect(report.score?.total).toBe(0);
    }
    const shown = JSON.stringify(report);
    expect(hiddenAssertions().filter((line) => shown.includes(line))).toEqual([]);
  });
});
