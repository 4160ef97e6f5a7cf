// What a browser does in an LTI launch, step by step over real HTTP, so a test can tamper with
// any step: the platform starts our OIDC login, we redirect to its authorisation endpoint, it
// answers a form with the id_token, the browser posts that form to our launch URL.
import { createServer } from 'node:net';
import { LTI, ROLE, readForm, type MessageClaims, type SimulatedPlatform } from './lti-platform';

/** A free port on 127.0.0.1, so the tool can know its own public URL before it listens. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface LaunchClaimsInput {
  sub: string;
  role: keyof typeof ROLE;
  targetLinkUri: string;
  deploymentId?: string;
  context?: { id: string; title?: string } | null;
  resourceLinkId?: string;
  custom?: Record<string, string>;
  ags?: { lineitems?: string; lineitem?: string; scope?: string[] };
  name?: string;
  email?: string;
}

export function resourceLinkClaims(platform: SimulatedPlatform, input: LaunchClaimsInput): MessageClaims {
  return {
    sub: input.sub,
    name: input.name ?? `User ${input.sub}`,
    email: input.email ?? `${input.sub}@lms.test`,
    [`${LTI}message_type`]: 'LtiResourceLinkRequest',
    [`${LTI}version`]: '1.3.0',
    [`${LTI}deployment_id`]: input.deploymentId ?? platform.deploymentId,
    [`${LTI}target_link_uri`]: input.targetLinkUri,
    [`${LTI}roles`]: [ROLE[input.role]],
    [`${LTI}resource_link`]: { id: input.resourceLinkId ?? 'resource-link-1' },
    ...(input.context === null ? {} : { [`${LTI}context`]: input.context ?? { id: 'course-1', title: 'Async Python' } }),
    ...(input.custom ? { [`${LTI}custom`]: input.custom } : {}),
    ...(input.ags ? { 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': input.ags } : {}),
  };
}

export function deepLinkingClaims(platform: SimulatedPlatform, input: LaunchClaimsInput & { data?: string }): MessageClaims {
  const claims = Object.fromEntries(Object.entries(resourceLinkClaims(platform, input)).filter(([name]) => name !== `${LTI}resource_link`));
  return {
    ...claims,
    [`${LTI}message_type`]: 'LtiDeepLinkingRequest',
    'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
      deep_link_return_url: platform.url('/deep-link-return'),
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: true,
      data: input.data ?? 'platform-opaque-data',
    },
  };
}

/** The tool's login initiation URL with the parameters a platform sends. */
export function loginUrl(
  toolOrigin: string,
  platform: SimulatedPlatform,
  claims: MessageClaims,
  extra: Record<string, string> = {},
): string {
  const url = new URL(`${toolOrigin}/api/v1/lti/login`);
  url.searchParams.set('iss', platform.issuer);
  url.searchParams.set('login_hint', String(claims.sub));
  url.searchParams.set('target_link_uri', String(claims[`${LTI}target_link_uri`]));
  url.searchParams.set('lti_message_hint', platform.prepareMessage(claims));
  url.searchParams.set('client_id', platform.clientId);
  url.searchParams.set('lti_deployment_id', String(claims[`${LTI}deployment_id`]));
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  return url.toString();
}

/** Login initiation: answers where the tool sends the browser (the platform's auth URL). */
export async function initiateLogin(
  toolOrigin: string,
  platform: SimulatedPlatform,
  claims: MessageClaims,
  extra: Record<string, string> = {},
): Promise<{ status: number; authUrl: URL; body: string; cookie: string | undefined }> {
  const response = await fetch(loginUrl(toolOrigin, platform, claims, extra), { redirect: 'manual' });
  const location = response.headers.get('location');
  const cookie = response.headers
    .getSetCookie()
    .find((line) => line.startsWith('asynclab_lti_'))
    ?.split(';')[0];
  return { status: response.status, authUrl: new URL(location ?? 'about:blank'), body: location ? '' : await response.text(), cookie };
}

/** The browser at the platform's auth URL: the form it is told to post to the tool. */
export async function authorize(authUrl: URL): Promise<{ action: string; fields: Record<string, string> }> {
  const response = await fetch(authUrl);
  if (response.status !== 200) throw new Error(`the platform's auth endpoint answered ${response.status}: ${await response.text()}`);
  return readForm(await response.text());
}

export async function postForm(
  action: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
  return fetch(action, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
}

/** The whole launch; `launch.response` is the tool's answer to the posted id_token. */
export async function launch(toolOrigin: string, platform: SimulatedPlatform, claims: MessageClaims, headers: Record<string, string> = {}) {
  const login = await initiateLogin(toolOrigin, platform, claims);
  if (login.status !== 302) throw new Error(`login initiation answered ${login.status}: ${login.body}`);
  const form = await authorize(login.authUrl);
  const response = await postForm(form.action, form.fields, headers);
  return { login, form, response, text: await response.text() };
}

/** The session cookie a response set, as a Cookie header. */
export function sessionCookieOf(response: Response): string | undefined {
  const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith('asynclab_session='));
  return line?.split(';')[0];
}
