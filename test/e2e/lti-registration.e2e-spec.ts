// Registering LMS platforms against the real service: by hand (admin REST) and by LTI Dynamic
// Registration with a simulated platform on 127.0.0.1; another organisation's platform is 404.
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { LtiPlatformView, LtiRegistrationLink, LtiToolConfiguration, Wire } from '../../libs/contracts/src';
import { Accounts, keyCaller, signIn } from './support/accounts';
import { PUBLIC_ORGANIZATION_ID } from '@asynclab/database';
import { call } from './support/client';
import { LtiKeyStore, signWithActiveKey } from '../../libs/lti/src';
import { SimulatedPlatform } from '../support/lti-platform';
import { ltiOrg, startLtiTool, type LtiTool } from '../support/lti-tool';

describe('LTI registration', () => {
  let tool: LtiTool;
  const platforms: SimulatedPlatform[] = [];
  const platform = async () => {
    const started = await SimulatedPlatform.start();
    platforms.push(started);
    return started;
  };

  beforeAll(async () => {
    tool = await startLtiTool();
  });
  afterAll(async () => {
    await Promise.all(platforms.map((p) => p.close()));
    await tool.close();
  });

  it('shows the values an LMS admin enters, built from LTI_PUBLIC_URL', async () => {
    const org = await ltiOrg(tool);
    const { status, body } = await call<LtiToolConfiguration>(tool.baseUrl, 'GET', '/lti/tool-configuration', { caller: org.admin });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      loginUrl: `${tool.origin}/api/v1/lti/login`,
      launchUrl: `${tool.origin}/api/v1/lti/launch`,
      jwksUrl: `${tool.origin}/api/v1/lti/jwks`,
      deepLinkUrl: `${tool.origin}/api/v1/lti/launch`,
      canvasJson: { oidc_initiation_url: `${tool.origin}/api/v1/lti/login`, public_jwk_url: `${tool.origin}/api/v1/lti/jwks` },
    });
  });

  it('registers a platform by hand, refuses a duplicate and a loopback URL not allowed, and hides it from other organisations', async () => {
    const lms = await platform();
    const closed = await ltiOrg(tool, false);
    const refused = await call(tool.baseUrl, 'POST', '/lti/platforms', { caller: closed.admin, body: lms.registration() });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'LTI_URL_REFUSED', field: 'issuer' });

    const org = await ltiOrg(tool);
    const created = await call<Wire<LtiPlatformView>>(tool.baseUrl, 'POST', '/lti/platforms', {
      caller: org.admin,
      body: lms.registration(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      issuer: lms.issuer,
      clientId: lms.clientId,
      deploymentIds: [lms.deploymentId],
      registeredVia: 'manual',
    });
    const again = await call(tool.baseUrl, 'POST', '/lti/platforms', { caller: org.admin, body: lms.registration('again') });
    expect(again).toMatchObject({ status: 409, body: { code: 'LTI_PLATFORM_EXISTS' } });
    const invalid = await call(tool.baseUrl, 'POST', '/lti/platforms', {
      caller: org.admin,
      body: { ...lms.registration(), deploymentIds: [] },
    });
    expect(invalid).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });

    const patched = await call<Wire<LtiPlatformView>>(tool.baseUrl, 'PATCH', `/lti/platforms/${created.body.id}`, {
      caller: org.admin,
      body: { deploymentIds: [lms.deploymentId, 'second'] },
    });
    expect(patched.body.deploymentIds).toEqual([lms.deploymentId, 'second']);

    const other = await ltiOrg(tool);
    for (const [method, body] of [['GET'], ['PATCH', { name: 'mine now' }], ['DELETE']] as const) {
      const answer = await call(tool.baseUrl, method, `/lti/platforms/${created.body.id}`, { caller: other.admin, body });
      expect(answer).toMatchObject({ status: 404, body: { code: 'LTI_PLATFORM_NOT_FOUND' } });
    }
    const listed = await call<{ platforms: unknown[] }>(tool.baseUrl, 'GET', '/lti/platforms', { caller: other.admin });
    expect(listed.body.platforms).toEqual([]);
    expect((await call(tool.baseUrl, 'GET', `/lti/platforms/${created.body.id}`, { caller: org.admin })).status).toBe(200);

    const learner = await tool.accounts.user(org.id, 'learner');
    const learnerCaller = await signIn(tool.baseUrl, org.slug, learner.email);
    expect((await call(tool.baseUrl, 'GET', '/lti/platforms', { caller: learnerCaller })).status).toBe(403);
  });

  it('registers dynamically: reads the openid configuration, posts our tool configuration with the registration token, stores the answer', async () => {
    const lms = await platform();
    const org = await ltiOrg(tool);
    const link = await call<Wire<LtiRegistrationLink>>(tool.baseUrl, 'POST', '/lti/registration-links', { caller: org.admin });
    expect(link.status).toBe(201);
    // The platform names the aud it wants in client assertions (Dynamic Registration 1.0, 3.4), as Brightspace does.
    lms.route('GET', '/.well-known/openid-configuration', () => ({
      json: { ...lms.openIdConfiguration(), authorization_server: 'https://auth.simulated-lms.test/token' },
    }));
    const url = new URL(link.body.url);
    url.searchParams.set('openid_configuration', lms.url('/.well-known/openid-configuration'));
    url.searchParams.set('registration_token', 'registration-token-1');
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('registered with simulated-lms');

    expect(lms.registrations).toHaveLength(1);
    const [{ token, body }] = lms.registrations;
    expect(token).toBe('registration-token-1');
    expect(body).toMatchObject({
      initiate_login_uri: `${tool.origin}/api/v1/lti/login`,
      redirect_uris: [`${tool.origin}/api/v1/lti/launch`],
      jwks_uri: `${tool.origin}/api/v1/lti/jwks`,
      token_endpoint_auth_method: 'private_key_jwt',
      'https://purl.imsglobal.org/spec/lti-tool-configuration': { messages: [{ type: 'LtiDeepLinkingRequest' }] },
    });
    const listed = await call<{ platforms: Wire<LtiPlatformView>[] }>(tool.baseUrl, 'GET', '/lti/platforms', { caller: org.admin });
    expect(listed.body.platforms).toEqual([
      expect.objectContaining({
        issuer: lms.issuer,
        clientId: lms.clientId,
        deploymentIds: [lms.deploymentId],
        registeredVia: 'dynamic',
        jwksUrl: lms.url('/jwks'),
        authTokenAudience: 'https://auth.simulated-lms.test/token',
      }),
    ]);
    // The link works once.
    const reused = await fetch(url);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ code: 'LTI_REGISTRATION_INVALID', field: 'token' });
  });

  it('refuses a dynamic registration whose issuer is not on the configuration host', async () => {
    const lms = await platform();
    lms.route('GET', '/.well-known/openid-configuration', () => ({
      json: { ...lms.openIdConfiguration(), issuer: 'https://elsewhere.test' },
    }));
    const org = await ltiOrg(tool);
    const link = await call<Wire<LtiRegistrationLink>>(tool.baseUrl, 'POST', '/lti/registration-links', { caller: org.admin });
    const url = new URL(link.body.url);
    url.searchParams.set('openid_configuration', lms.url('/.well-known/openid-configuration'));
    const answer = await fetch(url);
    expect(answer.status).toBe(400);
    const error = (await answer.json()) as { code: string; message: string };
    expect(error.code).toBe('LTI_REGISTRATION_INVALID');
    expect(error.message).toContain('not on the host');
    expect(lms.registrations).toHaveLength(0);
  });

  it('serves our JWKS, and after a rotation signs with the new key while the old one stays published', async () => {
    const jwks = async () => ((await (await fetch(`${tool.baseUrl}/lti/jwks`)).json()) as { keys: { kid: string; d?: string }[] }).keys;
    const before = await jwks();
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((key) => key.d === undefined)).toBe(true);
    const accounts = new Accounts();
    const operator = keyCaller((await accounts.key(PUBLIC_ORGANIZATION_ID, ['manage'])).key);
    await accounts.close();
    const rotated = await call<{ kid: string }>(tool.baseUrl, 'POST', '/admin/lti/rotate-key', { caller: operator });
    expect(rotated.status).toBe(200);
    const after = await jwks();
    expect(after[0].kid).toBe(rotated.body.kid);
    expect(after.map((key) => key.kid)).toEqual(expect.arrayContaining([before[0].kid, rotated.body.kid]));
    // Verifiable by anyone with only our JWKS URL, as a platform does.
    const store = tool.service.api.get(LtiKeyStore);
    const jwt = await signWithActiveKey(store, { probe: true }, { issuer: 'tool', audience: 'platform' });
    expect(decodeProtectedHeader(jwt).kid).toBe(rotated.body.kid);
    await expect(jwtVerify(jwt, createRemoteJWKSet(new URL(`${tool.baseUrl}/lti/jwks`)))).resolves.toBeDefined();
  });
});
