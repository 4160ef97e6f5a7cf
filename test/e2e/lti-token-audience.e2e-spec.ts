// A platform that wants its own `aud` in our client assertion (Brightspace's OAuth2 audience)
// rather than its token URL: the platform's auth_token_audience, set by PATCH, is the aud of the
// assertion every token request carries. The simulated platform verifies the assertion against
// our served JWKS with the audience it expects, and refuses any other.
import type { LtiPlatformView, RosterSyncResult } from '../../libs/contracts/src';
import { call } from './support/client';
import { launchAs, startAdvantageFixture, type AdvantageFixture } from '../support/lti-advantage-fixture';
import { NRPS } from '../support/lti-platform-services';

const BRIGHTSPACE_AUDIENCE = 'https://api.brightspace.com/auth/token';

describe('LTI Advantage: a per-platform token audience', () => {
  let fx: AdvantageFixture;

  beforeAll(async () => {
    fx = await startAdvantageFixture({}, false);
  });
  afterAll(() => fx.close());

  const patch = (body: Record<string, unknown>) =>
    call<LtiPlatformView>(fx.tool.baseUrl, 'PATCH', `/lti/platforms/${fx.platformId}`, { caller: fx.org.admin, body });
  const rosterSync = (contextId: string) =>
    call<RosterSyncResult>(fx.tool.baseUrl, 'POST', `/lti/contexts/${contextId}/roster-sync`, { caller: fx.org.admin });

  it('signs the client assertion with the audience the platform asks for, set and cleared by PATCH', async () => {
    fx.services.roster = [{ user_id: 'a1', status: 'Active', roles: [], name: 'A One' }];
    await launchAs(fx, { sub: 'teacher-a', role: 'instructor', context: { id: 'course-aud' } });
    const [context] = await fx.tool.accounts.query<{ id: string }>(
      `UPDATE lti_contexts SET memberships_url = $2 WHERE platform_id = $1::uuid AND context_id = 'course-aud' RETURNING id`,
      fx.platformId,
      fx.services.membershipsUrl,
    );
    const registered = await call<LtiPlatformView>(fx.tool.baseUrl, 'GET', `/lti/platforms/${fx.platformId}`, { caller: fx.org.admin });
    expect(registered.body.authTokenAudience).toBeNull();

    // The platform now wants its own audience; ours still says the token URL: refused.
    fx.services.tokenAudience = BRIGHTSPACE_AUDIENCE;
    const refused = await rosterSync(context.id);
    expect(refused).toMatchObject({ status: 502, body: { code: 'LTI_PLATFORM_FAILED' } });
    expect(fx.services.refusedTokenRequests.at(-1)).toContain('aud');

    const set = await patch({ authTokenAudience: BRIGHTSPACE_AUDIENCE });
    expect(set).toMatchObject({ status: 200, body: { authTokenAudience: BRIGHTSPACE_AUDIENCE } });
    expect((await rosterSync(context.id)).status).toBe(200);
    const [token] = fx.services.tokens.filter((t) => t.scopes.includes(NRPS));
    expect(token.assertion).toMatchObject({ aud: BRIGHTSPACE_AUDIENCE, iss: fx.platform.clientId, sub: fx.platform.clientId });

    const bad = await patch({ authTokenAudience: '' });
    expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const cleared = await patch({ authTokenAudience: null });
    expect(cleared).toMatchObject({ status: 200, body: { authTokenAudience: null } });
  });
});
