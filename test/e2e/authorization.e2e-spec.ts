// Every authorisation rule, against the real API and PostgreSQL (no worker: submissions stay
// queued, which is all these rules need). Another organisation's resource is a 404, not a 403.
import type {
  ApiErrorBody,
  ApiKeyCreated,
  ApiKeyListing,
  HistoryEntry,
  LabResult,
  Me,
  SubmissionAccepted,
  SubmissionView,
  UserListing,
  Wire,
} from '../../libs/contracts/src';
import { call, Caller, guest } from './support/client';

type List = { submissions: Wire<HistoryEntry>[] };
import { Accounts, keyCaller, signIn } from './support/accounts';
import { RunningService, startService } from './support/service';
import { PUBLIC_ORGANIZATION_ID } from '@asynclab/database';

const files = { 'test_ok.py': 'def test_ok():\n    assert True\n' };
const submission = { labId: 'playground', files };

describe('authorisation', () => {
  let service: RunningService;
  let accounts: Accounts;
  let base: string;
  const as = <T = ApiErrorBody>(caller: Caller | undefined, method: string, path: string, body?: unknown) =>
    call<T>(base, method, path, { caller, body });

  // Two organisations: X with learners ann and bob, an instructor, an admin and keys; Y with its own.
  let x: { id: string; slug: string };
  let y: { id: string; slug: string };
  let ann: Caller, bob: Caller, instructorX: Caller, adminX: Caller, instructorY: Caller;
  let annId: string, bobId: string;
  let keyX: Caller, readOnlyKeyX: Caller, keyY: Caller;
  let annSubmission: string;

  beforeAll(async () => {
    service = await startService({ worker: false });
    base = service.baseUrl;
    accounts = new Accounts();
    [x, y] = await Promise.all([accounts.org(), accounts.org()]);
    const [annUser, bobUser, instX, admX, instY] = await Promise.all([
      accounts.user(x.id, 'learner'),
      accounts.user(x.id, 'learner'),
      accounts.user(x.id, 'instructor'),
      accounts.user(x.id, 'admin'),
      accounts.user(y.id, 'instructor'),
    ]);
    [annId, bobId] = [annUser.id, bobUser.id];
    [ann, bob, instructorX, adminX, instructorY] = await Promise.all([
      signIn(base, x.slug, annUser.email),
      signIn(base, x.slug, bobUser.email),
      signIn(base, x.slug, instX.email),
      signIn(base, x.slug, admX.email),
      signIn(base, y.slug, instY.email),
    ]);
    keyX = keyCaller((await accounts.key(x.id, ['read', 'submit', 'manage'])).key);
    readOnlyKeyX = keyCaller((await accounts.key(x.id, ['read'])).key);
    keyY = keyCaller((await accounts.key(y.id, ['read', 'submit', 'manage'])).key);
    const created = await as<SubmissionAccepted>(ann, 'POST', '/submissions', submission);
    expect(created.status).toBe(202);
    annSubmission = created.body.id;
  });
  afterAll(async () => {
    await accounts.close();
    await service.close();
  });

  describe('anonymous requests', () => {
    it.each([
      ['GET', '/submissions'],
      ['GET', '/submissions/00000000-0000-4000-8000-000000000000'],
      ['GET', '/submissions/00000000-0000-4000-8000-000000000000/events'],
      ['POST', '/submissions'],
      ['GET', '/users'],
      ['POST', '/users'],
      ['GET', '/keys'],
      ['POST', '/keys'],
      ['GET', '/auth/me'],
      ['GET', '/account/sessions'],
      ['GET', '/organization'],
    ])('%s %s answers 401', async (method, path) => {
      const response = await as(undefined, method, path, method === 'POST' ? submission : undefined);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    });

    it('may read the public catalog, health and start a guest session', async () => {
      expect((await as(undefined, 'GET', '/labs')).status).toBe(200);
      expect((await as(undefined, 'GET', '/labs/playground')).status).toBe(200);
      expect((await as<{ status: string }>(undefined, 'GET', '/health')).body).toEqual({ status: 'ok' });
      const guestCaller: Caller = {};
      const started = await as<Me>(guestCaller, 'POST', '/auth/guest', {});
      expect(started.body).toMatchObject({ isGuest: true, organization: 'public' });
      expect(guestCaller.cookie).toBeDefined();
    });
  });

  it('attributes a submission to the session, never to a learnerId in the body', async () => {
    const created = await as<SubmissionAccepted>(bob, 'POST', '/submissions', { ...submission, learnerId: annId, userId: annId });
    const view = await as<Wire<SubmissionView>>(bob, 'GET', `/submissions/${created.body.id}`);
    expect(view.body.userId).toBe(bobId);
  });

  describe('learner vs learner', () => {
    it('a learner sees their own submission and a fellow learner gets 404 for it', async () => {
      expect((await as(ann, 'GET', `/submissions/${annSubmission}`)).status).toBe(200);
      const other = await as(bob, 'GET', `/submissions/${annSubmission}`);
      expect(other.status).toBe(404);
      expect(other.body.code).toBe('SUBMISSION_NOT_FOUND');
      expect((await as(bob, 'GET', `/submissions/${annSubmission}/events`)).status).toBe(404);
    });

    it('lists only their own submissions, whatever userId they ask for', async () => {
      const own = await as<List>(bob, 'GET', '/submissions');
      expect(own.body.submissions.every((s) => s.userId === bobId)).toBe(true);
      const asked = await as<List>(bob, 'GET', `/submissions?userId=${annId}`);
      expect(asked.body.submissions).toEqual([]);
    });

    it("cannot read another learner's profile or results, nor list users", async () => {
      expect((await as(bob, 'GET', `/users/${annId}`)).status).toBe(404);
      expect((await as(bob, 'GET', `/users/${annId}/results`)).status).toBe(404);
      expect((await as(ann, 'GET', `/users/${annId}/results`)).status).toBe(200);
      expect((await as(bob, 'GET', '/users')).body.code).toBe('ROLE_NOT_ALLOWED');
      expect((await as(bob, 'POST', '/keys', { name: 'k', scopes: ['read'] })).status).toBe(403);
    });
  });

  it('a guest never sees another guest’s work, and may not list users', async () => {
    const [first, second] = await Promise.all([guest(base), guest(base)]);
    const created = await as<SubmissionAccepted>(first, 'POST', '/submissions', submission);
    expect((await as(first, 'GET', `/submissions/${created.body.id}`)).status).toBe(200);
    expect((await as(second, 'GET', `/submissions/${created.body.id}`)).status).toBe(404);
    expect((await as<List>(second, 'GET', '/submissions')).body.submissions).toEqual([]);
    expect((await as(second, 'GET', '/users')).body.code).toBe('ACCOUNT_REQUIRED');
  });

  describe('instructors', () => {
    it("see their organisation's learners and submissions", async () => {
      expect((await as(instructorX, 'GET', `/submissions/${annSubmission}`)).status).toBe(200);
      const listed = await as<List>(instructorX, 'GET', `/submissions?userId=${annId}`);
      expect(listed.body.submissions.map((s) => s.id)).toContain(annSubmission);
      expect((await as<{ results: Wire<LabResult>[] }>(instructorX, 'GET', `/users/${annId}/results`)).body.results).toEqual([
        expect.objectContaining({ labId: 'playground', attempts: 1 }),
      ]);
    });

    it("get 404 for another organisation's submission and learner, and see none of its work", async () => {
      expect((await as(instructorY, 'GET', `/submissions/${annSubmission}`)).status).toBe(404);
      expect((await as(instructorY, 'GET', `/users/${annId}`)).status).toBe(404);
      expect((await as(instructorY, 'GET', `/users/${annId}/results`)).status).toBe(404);
      expect((await as<List>(instructorY, 'GET', '/submissions')).body.submissions).toEqual([]);
      const users = await as<{ users: Wire<UserListing>[] }>(instructorY, 'GET', '/users');
      expect(users.body.users.map((u) => u.id)).not.toContain(annId);
    });

    it('may not create users or keys (admins may)', async () => {
      expect((await as(instructorX, 'POST', '/users', { externalId: 'i-1' })).body.code).toBe('ROLE_NOT_ALLOWED');
      expect((await as(adminX, 'POST', '/users', { externalId: 'a-1' })).status).toBe(201);
    });
  });

  describe('API keys', () => {
    it("see their organisation's submissions and learners", async () => {
      expect((await as(keyX, 'GET', `/submissions/${annSubmission}`)).status).toBe(200);
      expect((await as(readOnlyKeyX, 'GET', `/users/${annId}/results`)).status).toBe(200);
    });

    it("get 404 for another organisation's submission and learner, and cannot submit for them", async () => {
      expect((await as(keyY, 'GET', `/submissions/${annSubmission}`)).status).toBe(404);
      expect((await as(keyY, 'GET', `/users/${annId}`)).status).toBe(404);
      const submit = await as(keyY, 'POST', `/users/${annId}/submissions`, submission);
      expect(submit.status).toBe(404);
      expect(submit.body.code).toBe('USER_NOT_FOUND');
      expect((await as<List>(keyY, 'GET', `/submissions?userId=${annId}`)).body.submissions).toEqual([]);
    });

    it('need the scope a route names', async () => {
      const submit = await as(readOnlyKeyX, 'POST', `/users/${annId}/submissions`, submission);
      expect(submit.status).toBe(403);
      expect(submit.body.code).toBe('KEY_SCOPE_MISSING');
      expect((await as(readOnlyKeyX, 'POST', '/users', { externalId: 'k-1' })).body.code).toBe('KEY_SCOPE_MISSING');
      // Keys act for learners; they do not submit as themselves or manage keys.
      expect((await as(keyX, 'POST', '/submissions', submission)).body.code).toBe('KEY_NOT_ALLOWED');
      expect((await as(keyX, 'GET', '/keys')).body.code).toBe('KEY_NOT_ALLOWED');
    });

    it('a malformed or unknown key is 401, never anonymous access', async () => {
      expect((await as(keyCaller('alk_nope'), 'GET', '/labs')).status).toBe(401);
      expect((await as(keyCaller(`alk_AAAAAAAAAAAA_${'a'.repeat(43)}`), 'GET', '/submissions')).status).toBe(401);
    });
  });

  describe('admins manage keys', () => {
    it('create a key shown once, list it without its secret, and revoke it; then it answers 401', async () => {
      const created = await as<Wire<ApiKeyCreated>>(adminX, 'POST', '/keys', { name: 'Moodle', scopes: ['read'] });
      expect(created.status).toBe(201);
      expect(created.body.key).toMatch(/^alk_/);
      // The secret is base64url and may itself hold "_": cut it after the fixed-length prefix.
      const secret = created.body.key.slice(`alk_${created.body.prefix}_`.length);
      expect(secret).toHaveLength(43);
      const listed = await as<{ keys: Wire<ApiKeyListing>[] }>(adminX, 'GET', '/keys');
      const row = listed.body.keys.find((k) => k.id === created.body.id);
      expect(row).toMatchObject({ name: 'Moodle', scopes: ['read'], revokedAt: null });
      expect(JSON.stringify(listed.body)).not.toContain(secret);
      const stored = await accounts.query('SELECT secret_hash FROM api_keys WHERE id = $1::uuid', created.body.id);
      expect(stored[0].secret_hash).not.toContain(secret);

      const newKey = keyCaller(created.body.key);
      expect((await as(newKey, 'GET', '/submissions')).status).toBe(200);
      const used = (await as<{ keys: Wire<ApiKeyListing>[] }>(adminX, 'GET', '/keys')).body.keys.find((k) => k.id === created.body.id);
      expect(used?.lastUsedAt).toEqual(expect.any(String));
      expect((await as(instructorY, 'DELETE', `/keys/${created.body.id}`)).status).toBe(403);
      expect((await as(adminX, 'DELETE', `/keys/${created.body.id}`)).status).toBe(204);
      expect((await as(newKey, 'GET', '/submissions')).status).toBe(401);
    });

    it("get 404 revoking another organisation's key", async () => {
      const other = await accounts.key(y.id, ['read']);
      expect((await as(adminX, 'DELETE', `/keys/${other.id}`)).status).toBe(404);
      expect((await as(keyCaller(other.key), 'GET', '/submissions')).status).toBe(200);
    });
  });

  describe('LTI administration', () => {
    it.each([
      ['GET', '/lti/platforms'],
      ['POST', '/lti/platforms'],
      ['GET', '/lti/tool-configuration'],
      ['POST', '/lti/registration-links'],
      ['POST', '/admin/lti/rotate-key'],
    ])('%s %s is for admins and keys with manage only', async (method, path) => {
      expect((await as(undefined, method, path, method === 'POST' ? {} : undefined)).status).toBe(401);
      for (const caller of [ann, instructorX, readOnlyKeyX]) {
        expect((await as(caller, method, path, method === 'POST' ? {} : undefined)).status).toBe(403);
      }
      if (method === 'GET') for (const caller of [adminX, keyX]) expect((await as(caller, method, path)).status).toBe(200);
    });

    it("leaves rotating the service's LTI signing key to the service's own organisation: another organisation's admin gets 404", async () => {
      for (const caller of [adminX, keyX]) {
        const answer = await as(caller, 'POST', '/admin/lti/rotate-key', {});
        expect(answer.status).toBe(404);
        expect(answer.body.code).toBe('NOT_FOUND');
      }
      const operator = keyCaller((await accounts.key(PUBLIC_ORGANIZATION_ID, ['manage'])).key);
      expect((await as(operator, 'POST', '/admin/lti/rotate-key', {})).status).toBe(200);
      // Nor does a tenant's admin see the service's workers and hosts in /health; its operators do.
      expect((await as(adminX, 'GET', '/health')).body).toEqual({ status: 'ok' });
      expect((await as<{ workers?: unknown[] }>(operator, 'GET', '/health')).body.workers).toEqual(expect.any(Array));
    });

    it('lets anyone reach the launch endpoints, which answer with their own LTI checks (no CSRF or same-origin refusal)', async () => {
      expect((await as(undefined, 'GET', '/lti/jwks')).status).toBe(200);
      // A signed-in browser posting from the LMS's site without our CSRF token still reaches the launch checks.
      const launch = await fetch(`${base}/lti/launch`, {
        method: 'POST',
        body: 'id_token=x&state=y',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://lms.example.test', cookie: ann.cookie ?? '' },
      });
      expect(launch.status).toBe(401);
      expect(((await launch.json()) as ApiErrorBody).code).toBe('LTI_TOKEN_INVALID');
    });
  });

  describe('LTI grade syncs and roster syncs', () => {
    const unknown = '00000000-0000-4000-8000-000000000000';

    it.each([
      ['/lti/grade-syncs', 'syncs'],
      ['/lti/contexts', 'contexts'],
    ])('let instructors, admins and keys read %s; learners are refused', async (path, list) => {
      expect((await as(undefined, 'GET', path)).status).toBe(401);
      expect((await as(ann, 'GET', path)).status).toBe(403);
      for (const caller of [instructorX, adminX, keyX, readOnlyKeyX]) {
        const answer = await as<Record<string, unknown>>(caller, 'GET', path);
        expect(answer.status).toBe(200);
        expect(answer.body[list]).toEqual([]);
      }
    });

    it.each([
      [`/lti/grade-syncs/${unknown}/retry`, 'LTI_GRADE_SYNC_NOT_FOUND'],
      [`/lti/contexts/${unknown}/roster-sync`, 'LTI_CONTEXT_NOT_FOUND'],
    ])('POST %s needs an instructor, an admin or a key with manage, and answers 404 for what is not theirs', async (path, code) => {
      expect((await as(undefined, 'POST', path)).status).toBe(401);
      for (const caller of [ann, readOnlyKeyX]) expect((await as(caller, 'POST', path)).status).toBe(403);
      for (const caller of [instructorX, adminX, keyX]) {
        const answer = await as(caller, 'POST', path);
        expect(answer.status).toBe(404);
        expect(answer.body.code).toBe(code);
      }
    });
  });
});
