// An LTI launch in a real browser, inside the iframe of a course page served by the simulated
// platform from another site (localhost vs 127.0.0.1), where our SameSite cookie cannot be used:
// the frame runs the OIDC login and launch, then offers the lab in a new window, which opens
// signed in on the lab page. A deep link from the same frame posts its response to the platform.
import type { Browser } from 'playwright-core';
import { jwtVerify, createRemoteJWKSet } from 'jose';
import { launchChromium, openPage } from './support/chromium';
import { join } from 'node:path';
import { SCREENSHOTS_DIR, buildWebBundle } from './support/web-bundle';
import type { SimulatedPlatform } from '../../support/lti-platform';
import { deepLinkingClaims, loginUrl, resourceLinkClaims } from '../../support/lti-launch-flow';
import { ltiOrg, registeredPlatform, startLtiTool, type LtiOrg, type LtiTool } from '../../support/lti-tool';

const LAB = 'news-never-awaited';

describe('an LTI launch inside the LMS frame', () => {
  let tool: LtiTool;
  let org: LtiOrg;
  let platform: SimulatedPlatform;
  let browser: Browser;

  beforeAll(async () => {
    buildWebBundle();
    tool = await startLtiTool();
    org = await ltiOrg(tool);
    ({ platform } = await registeredPlatform(tool, org));
    // Frames in the page's own renderer process: playwright-core cannot click inside an
    // out-of-process (site-isolated) frame of this Chromium. Cookies and CSP are unaffected.
    browser = await launchChromium(['--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process']);
  });
  afterAll(async () => {
    await browser.close();
    await platform.close();
    await tool.close();
  });

  /** The course page on another site than the tool: the platform's own origin, but spelled localhost. */
  const coursePage = (toolLogin: string) =>
    `${platform.origin.replace('127.0.0.1', 'localhost')}/course?tool=${encodeURIComponent(toolLogin)}`;

  it('launches in the frame, then opens the lab signed in in a new window', async () => {
    const { context, page, errors } = await openPage(browser);
    const claims = resourceLinkClaims(platform, {
      sub: 'browser-learner',
      role: 'learner',
      targetLinkUri: `${tool.origin}/labs/${LAB}`,
      name: 'Grace Hopper',
    });
    await page.goto(coursePage(loginUrl(tool.origin, platform, claims)));
    const frame = page.frameLocator('#tool');
    const open = frame.locator('#open-lab');
    await open.waitFor();
    // The script ran inside the frame (our CSP allows only our own scripts): it says why a new window.
    await frame.locator('#framed').waitFor({ state: 'visible' });
    expect(await open.innerText()).toContain('in a new window');
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'lti-launch-in-frame.png') });

    const [popup] = await Promise.all([context.waitForEvent('page'), open.click()]);
    await popup.waitForURL(`${tool.origin}/labs/${LAB}`);
    await popup.locator('h1', { hasText: 'The headlines that were never saved' }).waitFor();
    const me = (await popup.evaluate(async () => (await fetch('/api/v1/auth/me')).json() as Promise<unknown>)) as {
      organizationId: string;
      displayName: string;
      role: string;
    };
    expect(me).toMatchObject({ organizationId: org.id, displayName: 'Grace Hopper', role: 'learner' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets an instructor pick labs inside the frame and returns the signed response to the platform', async () => {
    const { context, page, errors } = await openPage(browser);
    const claims = deepLinkingClaims(platform, {
      sub: 'browser-teacher',
      role: 'instructor',
      targetLinkUri: `${tool.origin}/api/v1/lti/launch`,
    });
    await page.goto(coursePage(loginUrl(tool.origin, platform, claims)));
    const frame = page.frameLocator('#tool');
    await frame.locator(`input[value="${LAB}"]`).check();
    await page.screenshot({ path: join(SCREENSHOTS_DIR, 'lti-deep-link-picker.png') });
    await frame.getByRole('button', { name: 'Add to the course' }).click();
    await frame.locator('#returned').waitFor();
    expect(platform.deepLinkReturns).toHaveLength(1);
    const { payload } = await jwtVerify(platform.deepLinkReturns[0], createRemoteJWKSet(new URL(`${tool.baseUrl}/lti/jwks`)), {
      issuer: platform.clientId,
      audience: platform.issuer,
    });
    const items = payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'] as { url: string }[];
    expect(items.map((item) => item.url)).toEqual([`${tool.origin}/labs/${LAB}`]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
