// What an LMS integrator does, over HTTP alone against the real service (API, worker, Docker):
// an organisation, admin and key from the admin CLI; a learner by external id; a submission with
// an Idempotency-Key, retried and answered the same; the graded result; the key revoked -> 401.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import type { HistoryEntry, LabResult, SubmissionAccepted, SubmissionView, UserListing, Wire } from '../../libs/contracts/src';
import { call, Caller } from './support/client';
import { RunningService, startService } from './support/service';
import { TEST_DATABASE_URL } from '../e2e-env';

const ROOT = join(__dirname, '..', '..');
const LAB = 'news-never-awaited';
const solution = readFileSync(join(ROOT, 'labs', LAB, 'solution', 'news.py'), 'utf8');
const starter = readFileSync(join(ROOT, 'labs', LAB, 'starter', 'news.py'), 'utf8');

async function admin<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'admin', '--', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL },
  });
  return JSON.parse(stdout) as T;
}

describe('an LMS drives asynclab over HTTP with an API key', () => {
  let service: RunningService;
  const slug = `lms-${randomUUID().slice(0, 8)}`;
  let key: { id: string; key: string };
  let lms: Caller;
  let learnerId: string;
  let submissionId: string;

  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service.close());

  it('sets up an organisation, its admin and a key from the command line; the key is shown once', async () => {
    const organization = await admin('create-org', '--slug', slug, '--name', 'LMS test');
    expect(organization).toMatchObject({ slug, openSignup: false, allowGuests: false });
    expect(
      await admin('create-admin', '--org', slug, '--email', `admin@${slug}.test`, '--password', 'a long admin password'),
    ).toMatchObject({ role: 'admin' });
    key = await admin<{ id: string; key: string }>('create-key', '--org', slug, '--name', 'LMS', '--scopes', 'read,submit,manage');
    expect(key.key).toMatch(/^alk_[A-Za-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    lms = { apiKey: key.key };
    const listed = await call<{ slug: string }>(service.baseUrl, 'GET', '/organization', { caller: lms });
    expect(listed.body.slug).toBe(slug);
  });

  it('creates a learner by the LMS’s external id and finds them by it', async () => {
    const created = await call<Wire<UserListing>>(service.baseUrl, 'POST', '/users', {
      caller: lms,
      body: { externalId: 'moodle-42', displayName: 'Ada' },
      headers: { 'idempotency-key': 'user-moodle-42' },
    });
    expect(created.status).toBe(201);
    learnerId = created.body.id;
    expect(created.body).toMatchObject({ externalId: 'moodle-42', role: 'learner' });
    const found = await call<Wire<UserListing>>(service.baseUrl, 'GET', '/users/by-external-id/moodle-42', { caller: lms });
    expect(found.body.id).toBe(learnerId);
    const duplicate = await call(service.baseUrl, 'POST', '/users', { caller: lms, body: { externalId: 'moodle-42' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'USER_EXISTS', field: 'externalId' });
    const renamed = await call<Wire<UserListing>>(service.baseUrl, 'PATCH', `/users/${learnerId}`, {
      caller: lms,
      body: { displayName: 'Ada L.' },
    });
    expect(renamed.body.displayName).toBe('Ada L.');
  });

  it('submits for the learner with an Idempotency-Key: a retry gets the same submission, never a second', async () => {
    const body = { labId: LAB, files: { 'news.py': solution } };
    const headers = { 'idempotency-key': 'attempt-1' };
    const first = await call<SubmissionAccepted>(service.baseUrl, 'POST', `/users/${learnerId}/submissions`, {
      caller: lms,
      body,
      headers,
    });
    expect(first.status).toBe(202);
    submissionId = first.body.id;
    const retry = await call<SubmissionAccepted>(service.baseUrl, 'POST', `/users/${learnerId}/submissions`, {
      caller: lms,
      body,
      headers,
    });
    expect(retry.status).toBe(202);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const other = await call(service.baseUrl, 'POST', `/users/${learnerId}/submissions`, {
      caller: lms,
      body: { labId: LAB, files: { 'news.py': starter } },
      headers,
    });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const list = await call<{ submissions: Wire<HistoryEntry>[] }>(service.baseUrl, 'GET', `/submissions?userId=${learnerId}`, {
      caller: lms,
    });
    expect(list.body.submissions.map((s) => s.id)).toEqual([submissionId]);
  });

  it('reads the graded result and the learner’s standing per lab', async () => {
    let view: Wire<SubmissionView>;
    const deadline = Date.now() + 90_000;
    do {
      await new Promise((resolve) => setTimeout(resolve, 250));
      view = (await call<Wire<SubmissionView>>(service.baseUrl, 'GET', `/submissions/${submissionId}`, { caller: lms })).body;
    } while (!['completed', 'error'].includes(view.status) && Date.now() < deadline);
    expect(view).toMatchObject({ status: 'completed', userId: learnerId, report: { outcome: 'pass' } });
    const results = await call<{ results: Wire<LabResult>[] }>(service.baseUrl, 'GET', `/users/${learnerId}/results`, { caller: lms });
    expect(results.body.results).toEqual([
      { labId: LAB, attempts: 1, bestScore: view.report?.score?.total, passed: true, lastAttemptAt: expect.any(String) as string },
    ]);
    expect(view.report?.score?.total).toBeGreaterThan(0);
  });

  it('answers 401 once the key is revoked', async () => {
    const prefix = key.key.split('_')[1];
    expect(await admin('revoke-key', '--org', slug, '--prefix', prefix)).toEqual({ revoked: true });
    const after = await call(service.baseUrl, 'GET', `/submissions/${submissionId}`, { caller: lms });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ code: 'UNAUTHENTICATED', message: expect.stringContaining('revoked') as string });
  });
});
