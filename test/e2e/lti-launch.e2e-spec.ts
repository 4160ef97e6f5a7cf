// LTI 1.3 launches against the real service (PostgreSQL, Redis) and a simulated platform on
// 127.0.0.1 that mints id_tokens with its own keys: a learner lands on the lab page with a
// session; replayed, foreign-key, expired and unregistered-deployment launches are refused.
import type { Me } from '../../libs/contracts/src';
import { call } from './support/client';
import { newSigningKey, type SimulatedPlatform } from '../support/lti-platform';
import { initiateLogin, launch, postForm, resourceLinkClaims, sessionCookieOf } from '../support/lti-launch-flow';
import { ltiOrg, registeredPlatform, startLtiTool, type LtiOrg, type LtiTool } from '../support/lti-tool';

const LAB = 'news-never-awaited';

describe('LTI launch', () => {
  let tool: LtiTool;
  let org: LtiOrg;
  let platform: SimulatedPlatform;
  const labUrl = () => `${tool.origin}/labs/${LAB}`;
  const learner = (sub: string, extra: Partial<Parameters<typeof resourceLinkClaims>[1]> = {}) =>
    resourceLinkClaims(platform, { sub, role: 'learner', targetLinkUri: labUrl(), ...extra });

  beforeAll(async () => {
    tool = await startLtiTool({ LTI_CLOCK_SKEW_SECONDS: '30' });
    org = await ltiOrg(tool);
    ({ platform } = await registeredPlatform(tool, org));
  });
  afterAll(async () => {
    await platform.close();
    await tool.close();
  });

  const me = async (cookie: string | undefined) => call<Me>(tool.baseUrl, 'GET', '/auth/me', { headers: cookie ? { cookie } : {} });
  const openLink = (html: string) => /data-open-url="([^"]+)"/.exec(html)?.[1].replace(/&amp;/g, '&') ?? '';

  it('lands a learner on the lab page with a session in the platform organisation, via the one-time new-window link', async () => {
    const { response, text } = await launch(tool.origin, platform, learner('learner-1', { email: 'Ada@LMS.test', name: 'Ada Lovelace' }));
    expect(response.status).toBe(200);
    // Shown inside the LMS frame: our own framing policy, a script from our origin, no inline script.
    expect(response.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(response.headers.get('x-frame-options')).toBeNull();
    expect(text).toContain('Open');
    const open = openLink(text);
    expect(open).toMatch(new RegExp(`^${tool.origin}/api/v1/lti/open/`));

    const opened = await fetch(open, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(labUrl());
    const session = await me(sessionCookieOf(opened));
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      organizationId: org.id,
      role: 'learner',
      email: 'ada@lms.test',
      displayName: 'Ada Lovelace',
      isGuest: false,
    });

    // The link works once.
    const again = await fetch(open, { redirect: 'manual' });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 'LTI_LAUNCH_TOKEN_INVALID' });

    // Mapped by the platform's sub, never users.external_id; the course became a cohort with the learner in it.
    const [link] = await tool.accounts.query<{ user_id: string; external_id: string | null }>(
      `SELECT l.user_id, u.external_id FROM lti_user_links l JOIN users u ON u.id = l.user_id WHERE l.subject = 'learner-1'`,
    );
    expect(link).toEqual({ user_id: session.body.userId, external_id: null });
    const members = await tool.accounts.query<{ name: string }>(
      `SELECT c.name FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id JOIN lti_contexts x ON x.cohort_id = c.id WHERE m.user_id = $1::uuid`,
      session.body.userId,
    );
    expect(members).toEqual([{ name: 'Async Python' }]);
  });

  it('gives a top-level launch its session directly, and maps a second launch of the same sub to the same user', async () => {
    const first = await launch(tool.origin, platform, learner('learner-2'), { 'sec-fetch-dest': 'document' });
    expect(first.response.status).toBe(303);
    expect(first.response.headers.get('location')).toBe(labUrl());
    const firstUser = (await me(sessionCookieOf(first.response))).body.userId;
    const second = await launch(tool.origin, platform, learner('learner-2'), { 'sec-fetch-dest': 'document' });
    expect((await me(sessionCookieOf(second.response))).body.userId).toBe(firstUser);
  });

  it('makes the first instructor to launch the owner of a course cohort a learner launch created', async () => {
    const cohortOwner = async () =>
      (
        await tool.accounts.query<{ created_by_id: string | null }>(
          `SELECT c.created_by_id FROM cohorts c JOIN lti_contexts x ON x.cohort_id = c.id WHERE x.context_id = 'course-owned'`,
        )
      )[0]?.created_by_id;
    const context = { id: 'course-owned', title: 'Owned later' };
    await launch(tool.origin, platform, learner('learner-owned', { context }));
    expect(await cohortOwner()).toBeNull();
    const teacher = await launch(
      tool.origin,
      platform,
      resourceLinkClaims(platform, { sub: 'teacher-owned', role: 'instructor', targetLinkUri: labUrl(), context }),
      {
        'sec-fetch-dest': 'document',
      },
    );
    const me = await call<Me>(tool.baseUrl, 'GET', '/auth/me', { headers: { cookie: sessionCookieOf(teacher.response) ?? '' } });
    expect(me.body.role).toBe('instructor');
    expect(await cohortOwner()).toBe(me.body.userId);
  });

  it('refuses a replayed launch: the same state again, and the same id_token with a fresh state', async () => {
    const claims = learner('learner-3');
    const { form, response } = await launch(tool.origin, platform, claims);
    expect(response.status).toBe(200);
    const replayed = await postForm(form.action, form.fields);
    expect(replayed.status).toBe(400);
    expect(await replayed.json()).toMatchObject({ code: 'LTI_STATE_INVALID', message: expect.stringContaining('already used') as unknown });

    const fresh = await initiateLogin(tool.origin, platform, claims);
    const state = fresh.authUrl.searchParams.get('state') ?? '';
    const withOldToken = await postForm(form.action, { id_token: form.fields.id_token, state });
    expect(withOldToken.status).toBe(401);
    expect(await withOldToken.json()).toMatchObject({
      code: 'LTI_TOKEN_INVALID',
      message: expect.stringContaining('nonce was already used') as unknown,
    });
  });

  /** A login, then an id_token the test mints itself (with the login's nonce) instead of the platform's. */
  async function launchWithToken(
    claims: Record<string, unknown>,
    mint: (nonce: string) => Promise<string>,
    loginClaims = claims,
  ): Promise<Response> {
    const login = await initiateLogin(tool.origin, platform, loginClaims);
    const nonce = login.authUrl.searchParams.get('nonce') ?? '';
    const state = login.authUrl.searchParams.get('state') ?? '';
    return postForm(`${tool.origin}/api/v1/lti/launch`, { id_token: await mint(nonce), state });
  }

  it('refuses a token signed by a key the platform does not publish', async () => {
    const stranger = await newSigningKey();
    const claims = learner('learner-4');
    const refused = await launchWithToken(claims, (nonce) => platform.mintIdToken({ ...claims, nonce }, { key: stranger }));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'LTI_TOKEN_INVALID', message: expect.stringContaining('unknown key') as unknown });
  });

  it('refuses an expired token beyond the clock skew, and accepts one inside it', async () => {
    const claims = learner('learner-5');
    const now = Math.floor(Date.now() / 1000);
    const expired = await launchWithToken(claims, (nonce) =>
      platform.mintIdToken({ ...claims, nonce }, { issuedAt: now - 200, expiresAt: now - 60 }),
    );
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: 'LTI_TOKEN_INVALID', message: expect.stringContaining('expired') as unknown });
    const late = await launchWithToken(claims, (nonce) =>
      platform.mintIdToken({ ...claims, nonce }, { issuedAt: now - 200, expiresAt: now - 10 }),
    );
    expect(late.status).toBe(200);
  });

  it('refuses an unregistered deployment, a token for another client and a launch that did not start at our login', async () => {
    const stray = learner('learner-6', { deploymentId: 'not-registered' });
    // The login names a registered deployment; the signed token another.
    const refused = await launchWithToken(stray, (nonce) => platform.mintIdToken({ ...stray, nonce }), learner('learner-6'));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'LTI_DEPLOYMENT_NOT_REGISTERED' });
    // The login initiation checks it too, when the platform names the deployment there.
    expect((await initiateLogin(tool.origin, platform, stray)).status).toBe(403);

    const claims = learner('learner-7');
    const otherAudience = await launchWithToken(claims, (nonce) =>
      platform.mintIdToken({ ...claims, nonce }, { audience: 'someone-else' }),
    );
    expect(otherAudience.status).toBe(401);
    const noLogin = await postForm(`${tool.origin}/api/v1/lti/launch`, {
      id_token: await platform.mintIdToken({ ...claims, nonce: 'n' }),
      state: 'never-issued',
    });
    expect(noLogin.status).toBe(400);
    expect(await noLogin.json()).toMatchObject({ code: 'LTI_STATE_INVALID', message: expect.stringContaining('unknown') as unknown });
  });

  it('refuses a login for an unregistered platform or a target outside asynclab', async () => {
    const foreign = await fetch(
      `${tool.baseUrl}/lti/login?iss=${encodeURIComponent('https://unknown.test')}&login_hint=x&target_link_uri=${encodeURIComponent(labUrl())}`,
      {
        redirect: 'manual',
      },
    );
    expect(foreign.status).toBe(400);
    expect(await foreign.json()).toMatchObject({ code: 'LTI_LOGIN_INVALID', field: 'iss' });
    const elsewhere = await initiateLogin(tool.origin, platform, learner('learner-8', { targetLinkUri: 'https://evil.test/' }));
    expect(elsewhere.status).toBe(400);
  });

  it('lets another organisation not see the platform that maps launches into this one', async () => {
    const other = await ltiOrg(tool);
    const [{ id }] = await tool.accounts.query<{ id: string }>(`SELECT id FROM lti_platforms WHERE client_id = $1`, platform.clientId);
    const answer = await call(tool.baseUrl, 'GET', `/lti/platforms/${id}`, { caller: other.admin });
    expect(answer).toMatchObject({ status: 404, body: { code: 'LTI_PLATFORM_NOT_FOUND' } });
    const users = await tool.accounts.query<{ organization_id: string }>(
      `SELECT DISTINCT u.organization_id FROM lti_user_links l JOIN users u ON u.id = l.user_id WHERE l.platform_id = $1::uuid`,
      id,
    );
    expect(users).toEqual([{ organization_id: org.id }]);
  });
});
