// Sessions, sign-up, CSRF, brute-force throttling and rate limits against the real API, PostgreSQL
// and Redis, with limits turned low so each can be reached in a test.
import Redis from 'ioredis';
import type { ApiErrorBody, InvitationCreated, Me, SessionListing, SubmissionAccepted, Wire } from '../../libs/contracts/src';
import { call, Caller, guest } from './support/client';
import { Accounts, keyCaller, PASSWORD, signIn } from './support/accounts';
import { RunningService, startService } from './support/service';
import { TEST_REDIS_URL } from '../e2e-env';

const submission = { labId: 'playground', files: { 'test_ok.py': 'def test_ok():\n    assert True\n' } };
const LIMITS = { SIGN_IN_LIMIT_PER_ACCOUNT: '3', SIGN_IN_LIMIT_PER_IP: '8', RATE_LIMIT_PER_MINUTE: '60', SUBMISSIONS_PER_MINUTE: '3' };

describe('sessions and their protections', () => {
  let service: RunningService;
  let accounts: Accounts;
  let base: string;
  let org: { id: string; slug: string };
  const as = <T = ApiErrorBody>(
    caller: Caller | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => call<T>(base, method, path, { caller, body, headers });

  beforeAll(async () => {
    // Counters other test files left in this Redis db would make the limits below flaky.
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys('*asynclab:*');
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    service = await startService({ worker: false, env: LIMITS });
    base = service.baseUrl;
    accounts = new Accounts();
    org = await accounts.org({ openSignup: true, allowGuests: true });
  });
  afterAll(async () => {
    await accounts.close();
    await service.close();
  });

  describe('the session cookie', () => {
    it('is HttpOnly and SameSite, with a readable CSRF cookie beside it, and only a hash is stored', async () => {
      const user = await accounts.user(org.id);
      const response = await as(undefined, 'POST', '/auth/sign-in', { organization: org.slug, email: user.email, password: PASSWORD });
      const cookies = response.headers.getSetCookie();
      const session = cookies.find((c) => c.startsWith('asynclab_session=')) ?? '';
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Lax/i);
      expect(session).not.toMatch(/Secure/i); // plain http here; Secure when the request is HTTPS
      expect(cookies.find((c) => c.startsWith('asynclab_csrf='))).not.toMatch(/HttpOnly/i);
      const token = /asynclab_session=([^;]+)/.exec(session)?.[1] ?? '';
      expect(token).not.toBe('');
      const rows = await accounts.query('SELECT token_hash FROM sessions WHERE token_hash = $1', token);
      expect(rows).toEqual([]);
    });
  });

  describe('CSRF', () => {
    it('refuses a cookie-authenticated write without the CSRF token, and stores nothing', async () => {
      const user = await accounts.user(org.id);
      const learner = await signIn(base, org.slug, user.email);
      const before = await accounts.query('SELECT count(*)::int AS n FROM submissions WHERE user_id = $1::uuid', user.id);
      const missing = await as({ cookie: learner.cookie }, 'POST', '/submissions', submission);
      expect(missing.status).toBe(403);
      expect(missing.body.code).toBe('CSRF_TOKEN_INVALID');
      const wrong = await as({ cookie: learner.cookie }, 'POST', '/submissions', submission, { 'x-csrf-token': 'forged' });
      expect(wrong.status).toBe(403);
      expect(await accounts.query('SELECT count(*)::int AS n FROM submissions WHERE user_id = $1::uuid', user.id)).toEqual(before);
      expect((await as(learner, 'POST', '/submissions', submission)).status).toBe(202);
      // Reads need no token; API keys are not cookies and need none either.
      expect((await as({ cookie: learner.cookie }, 'GET', '/submissions')).status).toBe(200);
    });
    it('refuses a write another site sends, even sign-in without a session', async () => {
      const user = await accounts.user(org.id);
      const body = { organization: org.slug, email: user.email, password: PASSWORD };
      const crossSite = await as(undefined, 'POST', '/auth/sign-in', body, { origin: 'http://evil.example' });
      expect(crossSite.status).toBe(403);
      expect(crossSite.body.code).toBe('CSRF_TOKEN_INVALID');
      const sameSite = await as(undefined, 'POST', '/auth/sign-in', body, { origin: new URL(base).origin });
      expect(sameSite.status).toBe(200);
    });
  });

  describe('brute-force throttling', () => {
    it('locks an account after 3 failed sign-ins, even for the right password, with Retry-After', async () => {
      const user = await accounts.user(org.id);
      for (let i = 0; i < 3; i++) {
        const failed = await as(undefined, 'POST', '/auth/sign-in', {
          organization: org.slug,
          email: user.email,
          password: 'wrong password',
        });
        expect(failed.status).toBe(401);
        expect(failed.body.code).toBe('INVALID_CREDENTIALS');
      }
      const locked = await as(undefined, 'POST', '/auth/sign-in', { organization: org.slug, email: user.email, password: PASSWORD });
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('RATE_LIMITED');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('locks an IP address after 8 failed sign-ins across accounts', async () => {
      // 3 failures from the previous test plus 5 here on other accounts (2 + 2 + 1) reach the 8.
      for (const failures of [2, 2, 1]) {
        const user = await accounts.user(org.id);
        for (let i = 0; i < failures; i++) {
          expect(
            (await as(undefined, 'POST', '/auth/sign-in', { organization: org.slug, email: user.email, password: 'nope nope' })).status,
          ).toBe(401);
        }
      }
      const fresh = await accounts.user(org.id);
      const blocked = await as(undefined, 'POST', '/auth/sign-in', { organization: org.slug, email: fresh.email, password: PASSWORD });
      expect(blocked.status).toBe(429);
      expect(blocked.body.message).toContain('address');
      // Let the later tests sign in again.
      const redis = new Redis(TEST_REDIS_URL);
      await redis.del(...(await redis.keys('asynclab:sign-in:*')));
      redis.disconnect();
    });
  });

  describe('rate limits', () => {
    it('answers 429 with Retry-After once a key passes its requests per minute; another key is unaffected', async () => {
      const [first, second] = [
        keyCaller((await accounts.key(org.id, ['read'])).key),
        keyCaller((await accounts.key(org.id, ['read'])).key),
      ];
      const statuses: number[] = [];
      for (let i = 0; i < 61; i++) statuses.push((await as(first, 'GET', '/submissions?limit=1')).status);
      expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
      const limited = await as(first, 'GET', '/submissions?limit=1');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await as(second, 'GET', '/submissions?limit=1')).status).toBe(200);
    });

    it('limits submissions per learner per minute, whether they submit or an LMS does for them', async () => {
      const user = await accounts.user(org.id);
      const learner = await signIn(base, org.slug, user.email);
      const lms = keyCaller((await accounts.key(org.id, ['submit'])).key);
      expect((await as(learner, 'POST', '/submissions', submission)).status).toBe(202);
      expect((await as(lms, 'POST', `/users/${user.id}/submissions`, submission)).status).toBe(202);
      expect((await as(learner, 'POST', '/submissions', submission)).status).toBe(202);
      const fourth = await as(lms, 'POST', `/users/${user.id}/submissions`, submission);
      expect(fourth.status).toBe(429);
      expect(fourth.body.message).toContain('submissions for this learner');
      expect(fourth.headers.get('retry-after')).toBeTruthy();
      // Reads are not submissions, and another learner has their own allowance.
      expect((await as(learner, 'GET', '/submissions')).status).toBe(200);
      expect((await as(await guest(base), 'POST', '/submissions', submission)).status).toBe(202);
    });
  });

  describe('sign-up, guests and sign-out', () => {
    it('a guest who signs up keeps their work as the new account', async () => {
      const visitor: Caller = {};
      await as(visitor, 'POST', '/auth/guest', { organization: org.slug });
      const created = await as<SubmissionAccepted>(visitor, 'POST', '/submissions', submission);
      const guestId = (await as<Me>(visitor, 'GET', '/auth/me')).body.userId;
      const email = `claimed-${Date.now()}@example.test`;
      const signedUp = await as<Me>(visitor, 'POST', '/auth/sign-up', { organization: org.slug, email, password: PASSWORD });
      expect(signedUp.status).toBe(201);
      expect(signedUp.body).toMatchObject({ userId: guestId, isGuest: false, email });
      expect((await as(visitor, 'GET', `/submissions/${created.body.id}`)).status).toBe(200);
      expect((await signIn(base, org.slug, email)).cookie).toBeDefined();
    });

    it('sign-up is by invitation where open sign-up is off, and the invitation sets the role', async () => {
      const closed = await accounts.org();
      const refused = await as(undefined, 'POST', '/auth/sign-up', {
        organization: closed.slug,
        email: 'x@example.test',
        password: PASSWORD,
      });
      expect(refused.body.code).toBe('SIGN_UP_CLOSED');
      const adminUser = await accounts.user(closed.id, 'admin');
      const adminCaller = await signIn(base, closed.slug, adminUser.email);
      const invitation = await as<Wire<InvitationCreated>>(adminCaller, 'POST', '/invitations', {
        email: 'teach@example.test',
        role: 'instructor',
      });
      expect(invitation.body.signUpUrl).toContain('invitation=');
      const wrongEmail = await as(undefined, 'POST', '/auth/sign-up', {
        organization: closed.slug,
        email: 'other@example.test',
        password: PASSWORD,
        invitation: invitation.body.token,
      });
      expect(wrongEmail.body.code).toBe('INVITATION_INVALID');
      const joined = await as<Me>(undefined, 'POST', '/auth/sign-up', {
        organization: closed.slug,
        email: 'teach@example.test',
        password: PASSWORD,
        invitation: invitation.body.token,
      });
      expect(joined.body).toMatchObject({ role: 'instructor', isGuest: false });
      const again = await as(undefined, 'POST', '/auth/sign-up', {
        organization: closed.slug,
        email: 'teach@example.test',
        password: PASSWORD,
        invitation: invitation.body.token,
      });
      expect(again.body.code).toBe('INVITATION_INVALID');
    });

    it('guests are refused where an organisation does not allow them', async () => {
      const closed = await accounts.org();
      const refused = await as({}, 'POST', '/auth/guest', { organization: closed.slug });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('GUESTS_NOT_ALLOWED');
    });

    it('sign-out ends the session; sign-out everywhere ends them all', async () => {
      const user = await accounts.user(org.id);
      const [laptop, phone, tablet] = await Promise.all([
        signIn(base, org.slug, user.email),
        signIn(base, org.slug, user.email),
        signIn(base, org.slug, user.email),
      ]);
      const sessions = await as<{ sessions: Wire<SessionListing>[] }>(laptop, 'GET', '/account/sessions');
      expect(sessions.body.sessions).toHaveLength(3);
      expect(sessions.body.sessions.filter((s) => s.current)).toHaveLength(1);
      const staleCookie = tablet.cookie;
      expect((await as(tablet, 'POST', '/auth/sign-out')).status).toBe(204);
      expect((await as({ cookie: staleCookie }, 'GET', '/auth/me')).status).toBe(401);
      expect((await as(phone, 'GET', '/auth/me')).status).toBe(200);
      expect((await as<{ ended: number }>(laptop, 'POST', '/auth/sign-out-everywhere')).body).toEqual({ ended: 2 });
      expect((await as(phone, 'GET', '/auth/me')).status).toBe(401);
    });

    it('changing the password ends the other sessions and needs the current password', async () => {
      const user = await accounts.user(org.id);
      const [here, elsewhere] = [await signIn(base, org.slug, user.email), await signIn(base, org.slug, user.email)];
      const wrong = await as(here, 'POST', '/account/password', { currentPassword: 'not it at all', newPassword: 'a brand new password' });
      expect(wrong.body.code).toBe('WRONG_PASSWORD');
      const changed = await as<{ otherSessionsEnded: number }>(here, 'POST', '/account/password', {
        currentPassword: PASSWORD,
        newPassword: 'a brand new password',
      });
      expect(changed.body).toEqual({ otherSessionsEnded: 1 });
      expect((await as(elsewhere, 'GET', '/auth/me')).status).toBe(401);
      expect((await as(here, 'GET', '/auth/me')).status).toBe(200);
      expect((await signIn(base, org.slug, user.email, 'a brand new password')).cookie).toBeDefined();
    });

    it('stores passwords as Argon2id hashes', async () => {
      const user = await accounts.user(org.id);
      const [row] = await accounts.query('SELECT password_hash FROM users WHERE id = $1::uuid', user.id);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
    });
  });
});
