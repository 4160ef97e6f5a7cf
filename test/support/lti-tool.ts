// asynclab started as an LTI tool for the e2e tests: the real service on a port chosen first (so
// LTI_PUBLIC_URL names it), and an organisation whose admin registers a simulated platform.
import { Accounts, signIn } from '../e2e/support/accounts';
import { call, type Caller } from '../e2e/support/client';
import { startService, type RunningService } from '../e2e/support/service';
import { freePort } from './lti-launch-flow';
import { SimulatedPlatform } from './lti-platform';

export interface LtiTool {
  service: RunningService;
  origin: string;
  baseUrl: string;
  accounts: Accounts;
  close(): Promise<void>;
}

/** `host`: how the tool's URLs name it (localhost makes it another site than a platform on 127.0.0.1). */
export async function startLtiTool(env: Record<string, string> = {}, host = '127.0.0.1'): Promise<LtiTool> {
  const port = await freePort();
  const origin = `http://${host}:${port}`;
  const service = await startService({ worker: false, port, env: { LTI_PUBLIC_URL: origin, ...env } });
  const accounts = new Accounts();
  return {
    service,
    origin,
    baseUrl: service.baseUrl,
    accounts,
    async close() {
      await service.close();
      await accounts.close();
    },
  };
}

export interface LtiOrg {
  id: string;
  slug: string;
  admin: Caller;
}

/** An organisation whose admin is signed in; private targets allowed (the platform is on loopback). */
export async function ltiOrg(tool: LtiTool, allowPrivate = true): Promise<LtiOrg> {
  const org = await tool.accounts.org();
  const { email } = await tool.accounts.user(org.id, 'admin');
  const admin = await signIn(tool.baseUrl, org.slug, email);
  if (allowPrivate) {
    const set = await call(tool.baseUrl, 'PATCH', '/webhooks/settings', { caller: admin, body: { allowPrivateTargets: true } });
    if (set.status !== 200) throw new Error(`settings answered ${set.status}`);
  }
  return { ...org, admin };
}

/** A simulated platform registered by hand in the organisation. */
export async function registeredPlatform(tool: LtiTool, org: LtiOrg): Promise<{ platform: SimulatedPlatform; id: string }> {
  const platform = await SimulatedPlatform.start();
  const created = await call<{ id: string }>(tool.baseUrl, 'POST', '/lti/platforms', { caller: org.admin, body: platform.registration() });
  if (created.status !== 201) throw new Error(`registration answered ${created.status}: ${JSON.stringify(created.body)}`);
  return { platform, id: created.body.id };
}
