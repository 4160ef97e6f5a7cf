// Binding a launch to the browser that started its login, with LTI_REQUIRE_BROWSER_BINDING on:
// by the login's state cookie, or (a platform naming lti_storage_target) by our page reading the
// state back from the platform's storage and confirming. A launch bound by neither, as a browser
// made to post someone else's id_token would be, is refused.
import type { SimulatedPlatform } from '../support/lti-platform';
import { authorize, initiateLogin, postForm, resourceLinkClaims } from '../support/lti-launch-flow';
import { ltiOrg, registeredPlatform, startLtiTool, type LtiTool } from '../support/lti-tool';

const attribute = (html: string, name: string) =>
  /* the pages escape & as &amp; */ (new RegExp(`${name}="([^"]*)"`).exec(html)?.[1] ?? '').replace(/&amp;/g, '&');

describe('LTI browser binding', () => {
  let tool: LtiTool;
  let platform: SimulatedPlatform;
  const claims = (sub: string) =>
    resourceLinkClaims(platform, { sub, role: 'learner', targetLinkUri: `${tool.origin}/labs/news-never-awaited` });

  beforeAll(async () => {
    tool = await startLtiTool({ LTI_REQUIRE_BROWSER_BINDING: 'true' });
    ({ platform } = await registeredPlatform(tool, await ltiOrg(tool)));
  });
  afterAll(async () => {
    await platform.close();
    await tool.close();
  });

  it("accepts the launch of the browser holding the login's state cookie, and refuses the same kind of launch without it", async () => {
    const login = await initiateLogin(tool.origin, platform, claims('bound-1'));
    expect(login.status).toBe(302);
    expect(login.cookie).toMatch(/^asynclab_lti_[0-9a-f]{16}=/);
    const form = await authorize(login.authUrl);
    const bound = await postForm(form.action, form.fields, { cookie: login.cookie ?? '' });
    expect(bound.status).toBe(200);
    expect(await bound.text()).toContain('data-open-url');

    // Someone else's login: its state and id_token posted by a browser that never started it.
    const stranger = await initiateLogin(tool.origin, platform, claims('attacker-1'));
    const forged = await authorize(stranger.authUrl);
    const refused = await postForm(forged.action, forged.fields);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      code: 'LTI_STATE_INVALID',
      message: expect.stringContaining('not bound to the browser') as unknown,
    });
  });

  it("stores state and nonce in the platform's storage at login, and confirms the launch once they are read back", async () => {
    const start = async (sub: string) => {
      const login = await initiateLogin(tool.origin, platform, claims(sub), { lti_storage_target: '_parent' });
      // Not a redirect: the page that puts state and nonce in the platform's storage, then goes on.
      expect(login.status).toBe(200);
      expect(login.body).toContain('storage-login.js');
      expect(attribute(login.body, 'data-origin')).toBe(platform.origin);
      const form = await authorize(new URL(attribute(login.body, 'data-next')));
      const launch = await postForm(form.action, form.fields);
      expect(launch.status).toBe(200);
      const page = await launch.text();
      expect(page).toContain('storage-launch.js');
      return { state: attribute(login.body, 'data-state'), page };
    };

    const first = await start('storage-1');
    expect(attribute(first.page, 'data-state')).toBe(first.state);
    const ticket = /name="ticket" value="([^"]+)"/.exec(first.page)?.[1] ?? '';
    // What the page posts once lti.get_data answered with the login's state:
    const confirmed = await postForm(`${tool.baseUrl}/lti/launch/confirm`, { ticket, state: first.state });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('data-open-url');
    const again = await postForm(`${tool.baseUrl}/lti/launch/confirm`, { ticket, state: first.state });
    expect(again.status).toBe(400);

    const second = await start('storage-2');
    const secondTicket = /name="ticket" value="([^"]+)"/.exec(second.page)?.[1] ?? '';
    const wrong = await postForm(`${tool.baseUrl}/lti/launch/confirm`, { ticket: secondTicket, state: first.state });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ code: 'LTI_STATE_INVALID', field: 'state' });
  });
});
