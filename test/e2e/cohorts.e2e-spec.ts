// Team training against the real service (API, worker, Docker sandbox): an instructor makes a
// cohort with two labs, three learners enrol (join code, email, external id), submit real code
// (passes, a never-awaited bug repeated, one late), and the matrix, the analytics and the CSV
// say exactly what was submitted; a lab change is regraded in the background. Another organisation's instructor gets 404s; a learner sees
// only their own row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Accounts, signIn } from './support/accounts';
import type {
  CohortAnalytics,
  CohortDashboard,
  CohortView,
  MatrixRow,
  MyAssignment,
  RegradePreview,
  RegradeView,
  SubmissionAccepted,
  Wire,
} from '@asynclab/contracts';
import { ApiErrorBody, call, Caller, HistoryBody, reportOf, SubmissionBody, waitForVerdict } from './support/client';
import { RunningService, startService } from './support/service';

const ROOT = join(__dirname, '..', '..');
const LAB_A = 'news-never-awaited';
const LAB_B = 'news-cache-lock';
const file = (lab: string, kind: string) => ({ 'news.py': readFileSync(join(ROOT, 'labs', lab, kind, 'news.py'), 'utf8') });
const HOUR = 3600_000;

type Cohort = Wire<CohortView>;
type Dashboard = Wire<CohortDashboard>;
type Analytics = Wire<CohortAnalytics>;
interface MatrixPage {
  rows: Wire<MatrixRow>[];
  nextCursor: string | null;
}

describe('cohorts: assignments, the dashboard, bug analytics and the export', () => {
  let service: RunningService;
  const accounts = new Accounts();
  let org: { id: string; slug: string };
  let instructor: Caller;
  let outsider: Caller;
  const learners: Array<{ id: string; email: string; caller: Caller }> = [];
  let cohort: Cohort;
  let assignmentA: string;
  let assignmentB: string;

  const api = <T = ApiErrorBody>(caller: Caller, method: string, path: string, body?: unknown) =>
    call<T>(service.baseUrl, method, path, { caller, body });
  async function submit(learner: number, lab: string, kind: string): Promise<SubmissionBody> {
    const created = await api<SubmissionAccepted>(learners[learner].caller, 'POST', '/submissions', { labId: lab, files: file(lab, kind) });
    expect(created.status).toBe(202);
    return waitForVerdict(service.baseUrl, created.body.id, 120_000, learners[learner].caller);
  }

  beforeAll(async () => {
    service = await startService();
    org = await accounts.org();
    const teacher = await accounts.user(org.id, 'instructor');
    instructor = await signIn(service.baseUrl, org.slug, teacher.email);
    const other = await accounts.org();
    outsider = await signIn(service.baseUrl, other.slug, (await accounts.user(other.id, 'instructor')).email);
    for (let i = 0; i < 3; i++) {
      const user = await accounts.user(org.id, 'learner', { externalId: `lms-${org.slug}-${i}` });
      learners.push({ ...user, caller: await signIn(service.baseUrl, org.slug, user.email) });
    }
  });
  afterAll(async () => {
    await service.close();
    await accounts.close();
  });

  it('lets an instructor create a cohort and assign two labs; a learner may not', async () => {
    const created = await api<Cohort>(instructor, 'POST', '/cohorts', { name: 'Platform team' });
    expect(created.status).toBe(201);
    cohort = created.body;
    expect(cohort.joinCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(cohort.joinPath).toBe(`/join/${cohort.joinCode}`);

    const now = Date.now();
    const a = await api<Cohort>(instructor, 'POST', `/cohorts/${cohort.id}/assignments`, {
      labId: LAB_A,
      opensAt: new Date(now - HOUR).toISOString(),
      dueAt: new Date(now + 48 * HOUR).toISOString(),
    });
    expect(a.status).toBe(201);
    // Lab B was due an hour ago: late work loses 10 points per started day.
    const b = await api<Cohort>(instructor, 'POST', `/cohorts/${cohort.id}/assignments`, {
      labId: LAB_B,
      opensAt: new Date(now - 2 * HOUR).toISOString(),
      dueAt: new Date(now - HOUR).toISOString(),
      latePolicy: 'penalty',
      latePenaltyPerDay: 10,
    });
    expect(b.status).toBe(201);
    const idOf = (labId: string) => b.body.assignments.find((x) => x.labId === labId)?.id ?? '';
    assignmentA = idOf(LAB_A);
    assignmentB = idOf(LAB_B);
    expect([assignmentA, assignmentB]).not.toContain('');

    expect(
      (
        await api(instructor, 'POST', `/cohorts/${cohort.id}/assignments`, {
          labId: LAB_A,
          opensAt: new Date(now).toISOString(),
          dueAt: new Date(now + HOUR).toISOString(),
        })
      ).body.code,
    ).toBe('ASSIGNMENT_EXISTS');
    const backwards = await api(instructor, 'POST', `/cohorts/${cohort.id}/assignments`, {
      labId: 'news-sync-sdk',
      opensAt: new Date(now).toISOString(),
      dueAt: new Date(now - HOUR).toISOString(),
    });
    expect(backwards).toMatchObject({ status: 400, body: { field: 'dueAt' } });
    expect((await api(learners[0].caller, 'POST', '/cohorts', { name: 'mine' })).status).toBe(403);
  });

  it('enrols learners by join code, by email and by external id', async () => {
    const joined = await api<Cohort>(learners[0].caller, 'POST', '/cohorts/join', { code: cohort.joinCode.toLowerCase() });
    expect(joined).toMatchObject({ status: 200, body: { id: cohort.id } });
    expect(
      (await api<unknown>(instructor, 'POST', `/cohorts/${cohort.id}/members`, { email: learners[1].email.toUpperCase() })).body,
    ).toEqual({
      userId: learners[1].id,
    });
    expect((await api<unknown>(instructor, 'POST', `/cohorts/${cohort.id}/members`, { externalId: `lms-${org.slug}-2` })).body).toEqual({
      userId: learners[2].id,
    });
    expect((await api(instructor, 'POST', `/cohorts/${cohort.id}/members`, { email: 'nobody@example.test' })).body.code).toBe(
      'USER_NOT_FOUND',
    );
    expect((await api(learners[0].caller, 'POST', '/cohorts/join', { code: 'ZZZZZZZZ' })).body.code).toBe('JOIN_CODE_INVALID');
    // Learner 0 gets until tomorrow for lab B.
    const extended = await api(instructor, 'PUT', `/cohorts/${cohort.id}/assignments/${assignmentB}/extensions/${learners[0].id}`, {
      dueAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    });
    expect(extended.status).toBe(204);
  });

  it('shows a learner their assignments, soonest due first, with their own due date', async () => {
    const mine = await api<{ assignments: Wire<MyAssignment>[] }>(learners[0].caller, 'GET', '/cohorts/my-assignments');
    expect(mine.body.assignments.map((a) => [a.labId, a.status])).toEqual([
      [LAB_B, 'not-started'],
      [LAB_A, 'not-started'],
    ]);
    const others = await api<{ assignments: Wire<MyAssignment>[] }>(learners[2].caller, 'GET', '/cohorts/my-assignments');
    expect(others.body.assignments.find((a) => a.labId === LAB_B)?.status).toBe('overdue');
  });

  it('grades real submissions: passes, a repeated never-awaited bug, one late', async () => {
    const verdicts = await Promise.all([
      (async () => [await submit(0, LAB_A, 'solution'), await submit(0, LAB_B, 'solution')])(),
      (async () => {
        const out = [];
        for (let i = 0; i < 4; i++) out.push(await submit(1, LAB_A, 'starter'));
        return out;
      })(),
      (async () => [await submit(2, LAB_A, 'starter'), await submit(2, LAB_A, 'solution'), await submit(2, LAB_B, 'solution')])(),
    ]);
    const all = verdicts.flat();
    expect(all.map((v) => v.status)).toEqual(Array(all.length).fill('completed'));
    expect(verdicts[1].map((v) => reportOf(v).outcome)).toEqual(['fail', 'fail', 'fail', 'fail']);
    expect(reportOf(verdicts[1][0]).diagnostics.map((d) => d.code)).toContain('never-awaited');
    expect(verdicts[0].map((v) => reportOf(v).outcome)).toEqual(['pass', 'pass']);
  }, 600_000);

  it('answers the matrix and per-assignment statistics from what was submitted', async () => {
    const { status, body } = await api<Dashboard>(instructor, 'GET', `/cohorts/${cohort.id}/dashboard`);
    expect(status).toBe(200);
    const cell = (i: number, a: string) =>
      body.rows.find((r) => r.learner.userId === learners[i].id)?.cells.find((c) => c.assignmentId === a);
    expect(body.rows).toHaveLength(3);
    expect(cell(0, assignmentA)).toMatchObject({ attempts: 1, passed: true, late: false, attemptsToPass: 1, bestScore: 100 });
    expect(cell(0, assignmentB)).toMatchObject({ attempts: 1, passed: true, late: false, extended: true, bestScore: 100 });
    expect(cell(1, assignmentA)).toMatchObject({ attempts: 4, passed: false, late: false, attemptsToPass: null });
    expect(cell(1, assignmentB)).toMatchObject({ attempts: 0, passed: false, late: true, bestScore: null });
    expect(cell(2, assignmentA)).toMatchObject({ attempts: 2, passed: true, attemptsToPass: 2 });
    // Late by less than a day under "penalty": 10 points off.
    expect(cell(2, assignmentB)).toMatchObject({ attempts: 1, passed: true, late: true, bestScore: 90 });

    const stats = body.stats.find((s) => s.assignmentId === assignmentA);
    expect(stats).toMatchObject({ learners: 3, completionRate: 2 / 3, medianAttemptsToPass: 1.5 });
    expect(stats?.medianMsToPass).toBeGreaterThanOrEqual(0);
    expect(stats?.topDiagnostics[0]).toMatchObject({ code: 'never-awaited', attempts: 5, learners: 2 });
    expect(body.stats.find((s) => s.assignmentId === assignmentB)).toMatchObject({ completionRate: 2 / 3, medianAttemptsToPass: 1 });
  });

  it('finds the stuck learner and the code each learner fixed or kept', async () => {
    const { body } = await api<Analytics>(instructor, 'GET', `/cohorts/${cohort.id}/analytics`);
    expect(body.stuck).toEqual([
      expect.objectContaining({ userId: learners[1].id, assignmentId: assignmentA, attempts: 4, code: 'never-awaited' }),
    ]);
    const codes = (i: number) => body.learnerCodes.filter((c) => c.userId === learners[i].id && c.code === 'never-awaited');
    expect(codes(1)).toEqual([expect.objectContaining({ attempts: 4, fixed: false })]);
    expect(codes(2)).toEqual([expect.objectContaining({ attempts: 1, fixed: true })]);
    expect(codes(0)).toEqual([]);
    const today = body.codesOverTime.filter((d) => d.code === 'never-awaited');
    expect(today.reduce((sum, d) => sum + d.attempts, 0)).toBe(5);
  });

  it('exports the same matrix as CSV and as pages over the REST API', async () => {
    const response = await fetch(`${service.baseUrl}/cohorts/${cohort.id}/matrix.csv`, { headers: { cookie: instructor.cookie ?? '' } });
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    const header = lines[0].split(',');
    const late = (lines.find((l) => l.startsWith(learners[2].id)) ?? '').split(',');
    expect(late[header.indexOf(`${LAB_B}:best_score`)]).toBe('90');
    expect(late[header.indexOf(`${LAB_B}:late`)]).toBe('true');
    expect(late[header.indexOf(`${LAB_A}:attempts`)]).toBe('2');

    const first = await api<MatrixPage>(instructor, 'GET', `/cohorts/${cohort.id}/matrix?limit=2`);
    expect(first.body.rows).toHaveLength(2);
    const second = await api<MatrixPage>(instructor, 'GET', `/cohorts/${cohort.id}/matrix?limit=2&cursor=${first.body.nextCursor ?? ''}`);
    expect(second.body).toMatchObject({ nextCursor: null });
    const ids = [...first.body.rows, ...second.body.rows].map((r) => r.learner.userId);
    expect(ids.sort()).toEqual(learners.map((l) => l.id).sort());
    expect((await api(instructor, 'GET', `/cohorts/${cohort.id}/matrix?cursor=nonsense`)).body.code).toBe('INVALID_CURSOR');

    // The OpenAPI document describes the page an LMS reads, down to a cell's fields.
    const document = (await (await fetch(service.baseUrl.replace(/\/api\/v1$/, '/api/openapi.json'))).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }> }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const matrix = document.paths['/api/v1/cohorts/{id}/matrix'].get.responses['200'].content['application/json'].schema;
    expect(matrix.$ref).toBe('#/components/schemas/MatrixPageDoc');
    expect(Object.keys(document.components.schemas.MatrixCellDoc.properties)).toEqual(
      expect.arrayContaining(['attempts', 'bestScore', 'passed', 'late', 'lastActivityAt']),
    );
  });

  it('shows a learner only their own row, and nothing of another organisation', async () => {
    const own = await api<Dashboard>(learners[1].caller, 'GET', `/cohorts/${cohort.id}/dashboard`);
    expect(own.body.rows.map((r) => r.learner.userId)).toEqual([learners[1].id]);
    expect(own.body.stats).toEqual([]);
    expect((await api(learners[1].caller, 'GET', `/cohorts/${cohort.id}/analytics`)).status).toBe(403);
    for (const path of ['', '/dashboard', '/matrix']) {
      expect((await api(outsider, 'GET', `/cohorts/${cohort.id}${path}`)).body.code).toBe('COHORT_NOT_FOUND');
    }
    expect((await api(outsider, 'POST', `/cohorts/${cohort.id}/members`, { email: learners[0].email })).status).toBe(404);
    expect((await api<{ cohorts: Cohort[] }>(outsider, 'GET', '/cohorts')).body.cohorts).toEqual([]);
  });

  it('regrades the latest submissions after the lab’s hidden tests change, keeping the old grades in the history', async () => {
    // A new version of lab A whose hidden tests demand more: the old passes no longer pass.
    const [lab] = await accounts.query<{ current_version_id: string; content: { hidden: Record<string, string> } }>(
      'SELECT l.current_version_id, v.content FROM labs l JOIN lab_versions v ON v.id::text = l.current_version_id WHERE l.id = $1',
      LAB_A,
    );
    const content = {
      ...lab.content,
      hidden: { ...lab.content.hidden, 'test_new_rule.py': 'def test_new_rule():\n    assert False, "v2"\n' },
    };
    const [v2] = await accounts.query<{ id: string }>(
      "INSERT INTO lab_versions (id, lab_id, content_hash, content) VALUES (gen_random_uuid(), $1, 'e2e-v2', $2::jsonb) RETURNING id::text AS id",
      LAB_A,
      JSON.stringify(content),
    );
    await accounts.query('UPDATE labs SET current_version_id = $1 WHERE id = $2', v2.id, LAB_A);
    try {
      const base = `/cohorts/${cohort.id}/assignments/${assignmentA}`;
      const preview = await api<RegradePreview>(instructor, 'GET', `${base}/regrade`);
      expect(preview.body).toMatchObject({ staleSubmissions: 3, gradingChanged: true, currentVersionId: v2.id });
      expect((await api(learners[0].caller, 'POST', `${base}/regrades`)).status).toBe(403);

      const started = await api<RegradeView>(instructor, 'POST', `${base}/regrades`);
      expect(started.status).toBe(202);
      expect(started.body.total).toBe(3);
      let progress = started.body;
      const deadline = Date.now() + 300_000;
      while (!progress.finished) {
        if (Date.now() > deadline) throw new Error(`regrade still at ${JSON.stringify(progress)}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
        progress = (await api<RegradeView>(instructor, 'GET', `/cohorts/${cohort.id}/regrades/${started.body.id}`)).body;
      }
      expect(progress).toMatchObject({ total: 3, completed: 3, failed: 0, queued: 0, running: 0 });

      const { body } = await api<Dashboard>(instructor, 'GET', `/cohorts/${cohort.id}/dashboard`);
      const cell = (i: number) =>
        body.rows.find((r) => r.learner.userId === learners[i].id)?.cells.find((c) => c.assignmentId === assignmentA);
      expect(cell(0)).toMatchObject({ attempts: 1, passed: false });
      expect(cell(2)).toMatchObject({ attempts: 2, passed: false });
      expect(cell(1)).toMatchObject({ attempts: 4, passed: false });

      // The history keeps both: the original pass and the regrade's fail, at the same time.
      const history = await api<HistoryBody>(instructor, 'GET', `/submissions?userId=${learners[0].id}&labId=${LAB_A}`);
      expect(history.body.submissions.map((s) => s.outcome).sort()).toEqual(['fail', 'pass']);
      expect(new Set(history.body.submissions.map((s) => s.createdAt)).size).toBe(1);

      expect((await api<RegradePreview>(instructor, 'GET', `${base}/regrade`)).body.staleSubmissions).toBe(0);
      expect((await api(instructor, 'POST', `${base}/regrades`)).body.code).toBe('NOTHING_TO_REGRADE');
      expect((await api(outsider, 'GET', `/cohorts/${cohort.id}/regrades/${started.body.id}`)).body.code).toBe('COHORT_NOT_FOUND');
    } finally {
      await accounts.query('UPDATE labs SET current_version_id = $1 WHERE id = $2', lab.current_version_id, LAB_A);
    }
  }, 400_000);
});
