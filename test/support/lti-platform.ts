// A simulated LTI 1.3 platform for the tests: real HTTP on 127.0.0.1 with keys generated here.
// It serves its JWKS, an OIDC authorisation endpoint that answers our login redirect with a
// freshly minted id_token in an auto-posting form (as a real LMS does), an openid configuration
// and registration endpoint (Dynamic Registration), a deep-linking return URL that records what
// we post, and a course page framing the tool (browser tests). More routes (token, AGS, NRPS)
// are added with route(); tokens with chosen claims (expired, wrong key) come from mintIdToken().
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';

export const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const ROLE = {
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
};

export interface PlatformRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  /** Form or JSON fields; raw text in `text`. */
  body: Record<string, unknown>;
  text: string;
}

export type PlatformReply = { status?: number; json?: unknown; html?: string; text?: string; headers?: Record<string, string> };
export type PlatformHandler = (request: PlatformRequest) => PlatformReply | Promise<PlatformReply>;

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function newSigningKey(kid = randomUUID()): Promise<SigningKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export interface MintOptions {
  key?: SigningKey;
  issuedAt?: number;
  expiresAt?: number;
  audience?: string | string[];
}

/** What the authorisation endpoint puts in the next id_token for a login (by lti_message_hint). */
export type MessageClaims = Record<string, unknown>;

export class SimulatedPlatform {
  readonly clientId = `client-${randomUUID().slice(0, 8)}`;
  readonly deploymentId = `deployment-${randomUUID().slice(0, 8)}`;
  /** Requests every route received, newest last. */
  readonly received: PlatformRequest[] = [];
  /** What the tool posted to our deep-linking return URL (JWT form field). */
  readonly deepLinkReturns: string[] = [];
  /** The tool configurations posted to our registration endpoint. */
  readonly registrations: { token: string | null; body: Record<string, unknown> }[] = [];
  private readonly routes = new Map<string, PlatformHandler>();
  private readonly messages = new Map<string, MessageClaims>();
  private server!: Server;
  origin = '';
  key!: SigningKey;
  /** Keys published in the JWKS (the signing key and any extra, for rotation tests). */
  published: SigningKey[] = [];

  static async start(): Promise<SimulatedPlatform> {
    const platform = new SimulatedPlatform();
    platform.key = await newSigningKey();
    platform.published = [platform.key];
    platform.server = createServer((req, res) => void platform.handle(req, res));
    await new Promise<void>((resolve) => platform.server.listen(0, '127.0.0.1', resolve));
    platform.origin = `http://127.0.0.1:${(platform.server.address() as AddressInfo).port}`;
    platform.installCoreRoutes();
    return platform;
  }

  get issuer(): string {
    return this.origin;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  /** The registration an admin enters in asynclab for this platform. */
  registration(name = 'Simulated LMS'): Record<string, unknown> {
    return {
      name,
      issuer: this.issuer,
      clientId: this.clientId,
      deploymentIds: [this.deploymentId],
      authLoginUrl: this.url('/auth'),
      authTokenUrl: this.url('/token'),
      jwksUrl: this.url('/jwks'),
    };
  }

  route(method: string, path: string, handler: PlatformHandler): void {
    this.routes.set(`${method.toUpperCase()} ${path}`, handler);
  }

  /** Claims for the id_token answering the login that carries this lti_message_hint. */
  prepareMessage(claims: MessageClaims): string {
    const hint = randomUUID();
    this.messages.set(hint, claims);
    return hint;
  }

  async mintIdToken(claims: Record<string, unknown>, options: MintOptions = {}): Promise<string> {
    const key = options.key ?? this.key;
    const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
      .setIssuer(this.issuer)
      .setAudience(options.audience ?? this.clientId)
      .setIssuedAt(issuedAt)
      .setExpirationTime(options.expiresAt ?? issuedAt + 300)
      .sign(key.privateKey);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }

  private installCoreRoutes(): void {
    this.route('GET', '/jwks', () => ({ json: { keys: this.published.map((k) => k.publicJwk) } }));
    this.route('GET', '/auth', (request) => this.authorize(request));
    this.route('GET', '/.well-known/openid-configuration', () => ({ json: this.openIdConfiguration() }));
    this.route('POST', '/register', (request) => {
      const auth = request.headers.authorization;
      this.registrations.push({ token: auth?.startsWith('Bearer ') ? auth.slice(7) : null, body: request.body });
      return {
        json: {
          ...request.body,
          client_id: this.clientId,
          'https://purl.imsglobal.org/spec/lti-tool-configuration': { deployment_id: this.deploymentId },
        },
      };
    });
    this.route('POST', '/deep-link-return', (request) => {
      this.deepLinkReturns.push(String(request.body.JWT));
      return { html: '<!doctype html><p id="returned">Back in the course</p>' };
    });
    // The course page of a browser test: it frames the tool's login initiation and answers the
    // LTI client-side storage messages (lti.put_data / lti.get_data) as a platform's page does.
    this.route('GET', '/course', (request) => {
      const src = request.url.searchParams.get('tool') ?? '';
      return {
        html:
          `<!doctype html><title>Course</title><h1>Course</h1><script>${STORAGE_RESPONDER}</script>` +
          `<iframe id="tool" name="tool" src="${src.replace(/"/g, '&quot;')}" width="900" height="600"></iframe>`,
      };
    });
  }

  openIdConfiguration(): Record<string, unknown> {
    return {
      issuer: this.issuer,
      authorization_endpoint: this.url('/auth'),
      token_endpoint: this.url('/token'),
      jwks_uri: this.url('/jwks'),
      registration_endpoint: this.url('/register'),
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      id_token_signing_alg_values_supported: ['RS256'],
      'https://purl.imsglobal.org/spec/lti-platform-configuration': {
        product_family_code: 'simulated-lms',
        version: '1.0',
        messages_supported: [],
      },
    };
  }

  /** The OIDC authorisation request: checks what a platform checks, then form-posts the id_token. */
  private async authorize(request: PlatformRequest): Promise<PlatformReply> {
    const q = request.url.searchParams;
    const expected: Record<string, string> = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: this.clientId,
    };
    for (const [name, value] of Object.entries(expected)) {
      if (q.get(name) !== value) return { status: 400, json: { error: 'invalid_request', error_description: `${name} must be ${value}` } };
    }
    const message = this.messages.get(q.get('lti_message_hint') ?? '');
    const redirectUri = q.get('redirect_uri');
    if (!message || !redirectUri || !q.get('state') || !q.get('nonce') || !q.get('login_hint')) {
      return {
        status: 400,
        json: { error: 'invalid_request', error_description: 'unknown message hint or missing redirect_uri/state/nonce/login_hint' },
      };
    }
    const idToken = await this.mintIdToken({ ...message, nonce: q.get('nonce') });
    return { html: autoPostForm(redirectUri, { id_token: idToken, state: q.get('state') as string }) };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.origin);
    const type = req.headers['content-type'] ?? '';
    const body =
      type.includes('json') && text ? (JSON.parse(text) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(text));
    const request: PlatformRequest = { method: req.method ?? 'GET', url, headers: req.headers, body, text };
    this.received.push(request);
    const handler = this.routes.get(`${request.method} ${url.pathname}`);
    const reply: PlatformReply = handler
      ? await Promise.resolve(handler(request)).catch((e: unknown) => ({ status: 500, text: String(e) }))
      : { status: 404, text: 'not found' };
    const headers = { ...(reply.headers ?? {}) };
    let payload = reply.text ?? '';
    if (reply.json !== undefined) [headers['content-type'], payload] = ['application/json', JSON.stringify(reply.json)];
    if (reply.html !== undefined) [headers['content-type'], payload] = ['text/html; charset=utf-8', reply.html];
    res.writeHead(reply.status ?? 200, headers).end(payload);
  }
}

/** A platform page's side of the LTI client-side storage messages, kept per tool origin. */
const STORAGE_RESPONDER = `
const stored = new Map();
// ?forget: keep nothing, like the storage of a browser that never ran the login being launched.
const forget = new URLSearchParams(location.search).has('forget');
window.addEventListener('message', (event) => {
  const message = event.data || {};
  const key = event.origin + ' ' + message.key;
  if (message.subject === 'lti.put_data' && !forget) stored.set(key, message.value);
  if (message.subject !== 'lti.put_data' && message.subject !== 'lti.get_data') return;
  const reply = { subject: message.subject + '.response', message_id: message.message_id, key: message.key, value: stored.get(key) };
  if (message.subject === 'lti.get_data' && !stored.has(key)) reply.error = { code: 'not_found', message: 'no such key' };
  event.source.postMessage(reply, event.origin);
});`;

/** The page a platform answers the authorisation request with: a form the browser posts at once. */
export function autoPostForm(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`)
    .join('');
  return `<!doctype html><form id="post" method="post" action="${action}">${inputs}</form><script>document.getElementById('post').submit()</script>`;
}

/** The fields of the first form in an HTML page (what a browser would post), and its action. */
export function readForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1] ?? '';
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    fields[match[1]] = match[2]
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
  }
  return { action: action.replace(/&amp;/g, '&'), fields };
}
