// The LTI client-side storage messages in a real browser, with LTI_REQUIRE_BROWSER_BINDING on:
// the course page (on the platform's origin) frames the tool (another site, so our cookie is not
// sent in the frame) and names itself as the storage target; the login page puts state and nonce
// there with lti.put_data, the launch page reads them back with lti.get_data and confirms. Only
// then does the lab's launch page appear.
import type { Browser } from 'playwright-core';
import { launchChromium, openPage } from './support/chromium';
import type { SimulatedPlatform } from '../../support/lti-platform';
import { loginUrl, resourceLinkClaims } from '../../support/lti-launch-flow';
import { ltiOrg, registeredPlatform, startLtiTool, type LtiTool } from '../../support/lti-tool';

describe('an LTI launch bound through the platform storage', () => {
  let tool: LtiTool;
  let platform: SimulatedPlatform;
  let browser: Browser;

  beforeAll(async () => {
    tool = await startLtiTool({ LTI_REQUIRE_BROWSER_BINDING: 'true' }, 'localhost');
    ({ platform } = await registeredPlatform(tool, await ltiOrg(tool)));
    // Frames in the page's own renderer process: playwright-core cannot click inside an out-of-process frame here.
    browser = await launchChromium(['--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process']);
  });
  afterAll(async () => {
    await browser.close();
    await platform.close();
    await tool.close();
  });

  it('confirms the launch from the state the browser stored at login', async () => {
    const { context, page, errors } = await openPage(browser);
    const claims = resourceLinkClaims(platform, {
      sub: 'storage-learner',
      role: 'learner',
      targetLinkUri: `${tool.origin}/labs/news-never-awaited`,
    });
    const toolLogin = loginUrl(tool.origin, platform, claims, { lti_storage_target: '_parent' });
    const confirmations = new Set<string>();
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/lti/launch/confirm')) confirmations.add(request.method());
    });
    await page.goto(platform.url(`/course?tool=${encodeURIComponent(toolLogin)}`));
    await page.frameLocator('#tool').locator('#open-lab').waitFor();
    expect([...confirmations]).toEqual(['POST']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows no lab when the state cannot be read back from the platform storage', async () => {
    const { context, page } = await openPage(browser);
    const claims = resourceLinkClaims(platform, {
      sub: 'storage-stranger',
      role: 'learner',
      targetLinkUri: `${tool.origin}/labs/news-never-awaited`,
    });
    await page.goto(
      // ?forget: the platform page keeps nothing the tool stores, like a browser that never ran this login.
      platform.url(`/course?forget&tool=${encodeURIComponent(loginUrl(tool.origin, platform, claims, { lti_storage_target: '_parent' }))}`),
    );
    await page.frameLocator('#tool').locator('#unbound').waitFor({ state: 'visible' });
    expect(await page.frameLocator('#tool').locator('#open-lab').count()).toBe(0);
    await context.close();
  });
});
