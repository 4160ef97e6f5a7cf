// What the LTI Advantage e2e tests share: asynclab started as a tool with its worker (on a port
// chosen first, so LTI_PUBLIC_URL names it), an organisation whose admin registered a simulated
// platform with its services (token, AGS, NRPS), and real launches through the OIDC flow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubmissionAccepted } from '../../libs/contracts/src';
import { Accounts, keyCaller } from '../e2e/support/accounts';
import { call, waitForVerdict, type Caller } from '../e2e/support/client';
import { startService, type RunningService } from '../e2e/support/service';
import { freePort, launch, resourceLinkClaims, type LaunchClaimsInput } from './lti-launch-flow';
import type { SimulatedPlatform } from './lti-platform';
import { PlatformServices } from './lti-platform-services';
import { ltiOrg, registeredPlatform, type LtiOrg, type LtiTool } from './lti-tool';

export const LAB = 'news-never-awaited';
const ROOT = join(__dirname, '..', '..');
export const labFile = (kind: 'starter' | 'solution') => ({ 'news.py': readFileSync(join(ROOT, 'labs', LAB, kind, 'news.py'), 'utf8') });

export const NRPS_CLAIM = 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice';

export interface AdvantageFixture {
  tool: LtiTool;
  org: LtiOrg;
  /** An API key of the organisation with read, submit and manage (an LMS's own integration). */
  key: Caller;
  platform: SimulatedPlatform;
  platformId: string;
  services: PlatformServices;
  close(): Promise<void>;
}

export async function startAdvantageFixture(env: Record<string, string> = {}, worker = true): Promise<AdvantageFixture> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${String(port)}`;
  const service: RunningService = await startService({ port, worker, env: { LTI_PUBLIC_URL: origin, ...env } });
  const accounts = new Accounts();
  const tool: LtiTool = {
    service,
    origin,
    baseUrl: service.baseUrl,
    accounts,
    async close() {
      await service.close();
      await accounts.close();
    },
  };
  const org = await ltiOrg(tool);
  const { platform, id: platformId } = await registeredPlatform(tool, org);
  const services = new PlatformServices(platform, `${service.baseUrl}/lti/jwks`);
  const key = keyCaller((await accounts.key(org.id, ['read', 'submit', 'manage'])).key);
  return {
    tool,
    org,
    key,
    platform,
    platformId,
    services,
    async close() {
      await platform.close();
      await tool.close();
    },
  };
}

/** A top-level resource link launch into the course (the lab of the target link becomes its assignment); our user id. */
export async function launchAs(
  fx: AdvantageFixture,
  input: Omit<LaunchClaimsInput, 'targetLinkUri'> & { extraClaims?: Record<string, unknown> },
): Promise<string> {
  const { extraClaims, ...claimsInput } = input;
  const claims = { ...resourceLinkClaims(fx.platform, { ...claimsInput, targetLinkUri: `${fx.tool.origin}/labs/${LAB}` }), ...extraClaims };
  const { response, text } = await launch(fx.tool.origin, fx.platform, claims, { 'sec-fetch-dest': 'document' });
  if (response.status !== 303) throw new Error(`the launch answered ${String(response.status)}: ${text.slice(0, 300)}`);
  const [link] = await fx.tool.accounts.query<{ user_id: string }>(
    'SELECT user_id FROM lti_user_links WHERE platform_id = $1::uuid AND subject = $2',
    fx.platformId,
    input.sub,
  );
  return link.user_id;
}

/** A graded submission of the lab for the learner, made by the organisation's key (as an LMS integration submits); its score. */
export async function submitGraded(fx: AdvantageFixture, userId: string, kind: 'starter' | 'solution'): Promise<number> {
  const created = await call<SubmissionAccepted>(fx.tool.baseUrl, 'POST', `/users/${userId}/submissions`, {
    caller: fx.key,
    body: { labId: LAB, files: labFile(kind) },
  });
  if (created.status !== 202) throw new Error(`submitting answered ${String(created.status)}: ${JSON.stringify(created.body)}`);
  const verdict = await waitForVerdict(fx.tool.baseUrl, created.body.id, 120_000, fx.key);
  const score = verdict.report?.score?.total;
  if (verdict.status !== 'completed' || typeof score !== 'number')
    throw new Error(`the submission ended ${verdict.status} without a score`);
  return score;
}

export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
