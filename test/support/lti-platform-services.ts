// The LTI Advantage services of the simulated platform (test/support/lti-platform.ts), real HTTP
// on 127.0.0.1: an OAuth2 token endpoint that verifies our client assertion against OUR served
// JWKS (jose createRemoteJWKSet, as a real LMS does), the AGS line items container and each line
// item's scores endpoint, and an NRPS memberships endpoint paged with Link rel="next". Every
// request is recorded; failures can be queued for the next score posts, token requests and roster
// pages.
import { randomUUID } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { PlatformReply, PlatformRequest, SimulatedPlatform } from './lti-platform';

export const AGS = {
  lineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  score: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
};
export const NRPS = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';

export interface IssuedToken {
  token: string;
  scopes: string[];
  /** The verified client assertion's claims. */
  assertion: { iss?: string; sub?: string; aud?: string | string[]; jti?: string };
}

export interface LineItem {
  id: string;
  resourceId: string;
  label: string;
  scoreMaximum: number;
}

export interface ScorePost {
  lineItemId: string;
  body: Record<string, unknown>;
  contentType: string | undefined;
  token: IssuedToken;
  status: number;
}

export interface RosterMember {
  user_id: string;
  status?: 'Active' | 'Inactive' | 'Deleted';
  roles: string[];
  name?: string;
  email?: string;
}

export class PlatformServices {
  readonly tokens: IssuedToken[] = [];
  readonly refusedTokenRequests: string[] = [];
  /** The aud this platform wants in client assertions (Brightspace names its own); unset: its token URL. */
  tokenAudience?: string;
  readonly lineItems: LineItem[] = [];
  readonly lineItemPosts: PlatformRequest[] = [];
  readonly scorePosts: ScorePost[] = [];
  readonly rosterRequests: URL[] = [];
  /** Statuses the next score posts answer (then 200): [500, 503] fails twice. */
  readonly scoreFailures: number[] = [];
  /** Token requests to refuse next (400 invalid_client), before verifying anything. */
  tokenRefusals = 0;
  /** How the next roster pages fail (then they answer): a status, or 'hang' (no answer for `hangMs`). */
  readonly rosterFailures: (number | 'hang')[] = [];
  hangMs = 3000;
  /** What the memberships endpoint lists, `pageSize` members a page. */
  roster: RosterMember[] = [];
  pageSize = 2;
  /** How long creating a line item takes (so two concurrent syncs overlap). */
  lineItemDelayMs = 0;
  private readonly seenJti = new Set<string>();
  private readonly jwks: ReturnType<typeof createRemoteJWKSet>;

  constructor(
    private readonly platform: SimulatedPlatform,
    toolJwksUrl: string,
  ) {
    this.jwks = createRemoteJWKSet(new URL(toolJwksUrl));
    platform.route('POST', '/token', (request) => this.token(request));
    platform.route('GET', '/lineitems', (request) => this.listLineItems(request));
    platform.route('POST', '/lineitems', (request) => this.createLineItem(request));
    platform.route('GET', '/memberships', (request) => this.memberships(request));
  }

  get lineItemsUrl(): string {
    return this.platform.url('/lineitems');
  }

  get membershipsUrl(): string {
    return this.platform.url('/memberships');
  }

  scoresFor(userId: string): ScorePost[] {
    return this.scorePosts.filter((post) => post.body.userId === userId);
  }

  /** Adds a line item the platform made itself (a deep link's lineItem, or one created earlier). */
  addLineItem(resourceId: string, label = 'made by the platform'): LineItem {
    const item = { id: this.platform.url(`/lineitems/${randomUUID()}`), resourceId, label, scoreMaximum: 100 };
    this.lineItems.push(item);
    this.platform.route('POST', `${new URL(item.id).pathname}/scores`, (request) => this.postScore(item, request));
    return item;
  }

  private async token(request: PlatformRequest): Promise<PlatformReply> {
    const refuse = (why: string): PlatformReply => {
      this.refusedTokenRequests.push(why);
      return { status: 400, json: { error: 'invalid_client', error_description: why } };
    };
    if (this.tokenRefusals > 0) {
      this.tokenRefusals -= 1;
      return refuse('the platform refuses this client for now');
    }
    const form = request.body as Partial<Record<string, string>>;
    if (form.grant_type !== 'client_credentials') return refuse('grant_type must be client_credentials');
    if (form.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') return refuse('bad client_assertion_type');
    try {
      const { payload } = await jwtVerify(form.client_assertion ?? '', this.jwks, {
        issuer: this.platform.clientId,
        subject: this.platform.clientId,
        audience: this.tokenAudience ?? this.platform.url('/token'),
        algorithms: ['RS256'],
      });
      if (!payload.jti || this.seenJti.has(payload.jti)) return refuse('jti missing or replayed');
      this.seenJti.add(payload.jti);
      const issued: IssuedToken = { token: randomUUID(), scopes: (form.scope ?? '').split(' ').filter(Boolean), assertion: payload };
      this.tokens.push(issued);
      return { json: { access_token: issued.token, token_type: 'Bearer', expires_in: 3600, scope: issued.scopes.join(' ') } };
    } catch (error) {
      return refuse(`client assertion not verified: ${(error as Error).message}`);
    }
  }

  /** The token a service request carries, if we issued it with the scope. */
  private bearer(request: PlatformRequest, scope: string): IssuedToken | null {
    const value = request.headers.authorization ?? '';
    const issued = this.tokens.find((t) => `Bearer ${t.token}` === value);
    return issued?.scopes.includes(scope) ? issued : null;
  }

  private listLineItems(request: PlatformRequest): PlatformReply {
    if (!this.bearer(request, AGS.lineItem)) return { status: 401, json: { error: 'unauthorized' } };
    const resourceId = request.url.searchParams.get('resource_id');
    const items = this.lineItems.filter((item) => resourceId === null || item.resourceId === resourceId);
    return { json: items, headers: { 'content-type': 'application/vnd.ims.lis.v2.lineitemcontainer+json' } };
  }

  private async createLineItem(request: PlatformRequest): Promise<PlatformReply> {
    if (!this.bearer(request, AGS.lineItem)) return { status: 401, json: { error: 'unauthorized' } };
    if (request.headers['content-type'] !== 'application/vnd.ims.lis.v2.lineitem+json') return { status: 415, text: 'lineitem+json only' };
    this.lineItemPosts.push(request);
    const body = JSON.parse(request.text) as { resourceId: string; label: string; scoreMaximum: number };
    await new Promise((resolve) => setTimeout(resolve, this.lineItemDelayMs));
    const item = this.addLineItem(body.resourceId, body.label);
    item.scoreMaximum = body.scoreMaximum;
    return { status: 201, json: { ...body, id: item.id } };
  }

  private postScore(item: LineItem, request: PlatformRequest): PlatformReply {
    const token = this.bearer(request, AGS.score);
    if (!token) return { status: 401, json: { error: 'unauthorized' } };
    const status = this.scoreFailures.shift() ?? 200;
    const body = JSON.parse(request.text) as Record<string, unknown>;
    this.scorePosts.push({ lineItemId: item.id, body, contentType: request.headers['content-type'], token, status });
    return status === 200 ? { status: 200, text: '' } : { status, text: `the gradebook is busy (${String(status)})` };
  }

  private async memberships(request: PlatformRequest): Promise<PlatformReply> {
    if (!this.bearer(request, NRPS)) return { status: 401, json: { error: 'unauthorized' } };
    this.rosterRequests.push(request.url);
    const failure = this.rosterFailures.shift();
    if (failure === 'hang') await new Promise((resolve) => setTimeout(resolve, this.hangMs));
    else if (failure !== undefined) return { status: failure, text: `the roster service is down (${String(failure)})` };
    const page = Number(request.url.searchParams.get('page') ?? '1');
    const members = this.roster.slice((page - 1) * this.pageSize, page * this.pageSize);
    const more = page * this.pageSize < this.roster.length;
    const headers: Record<string, string> = { 'content-type': 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json' };
    // A relative next link, and a "differences" link that must not be followed.
    headers.link = [
      `<${this.platform.url('/memberships?since=1')}>; rel="differences"`,
      ...(more ? [`</memberships?page=${String(page + 1)}>; rel="next"`] : []),
    ].join(', ');
    return { json: { id: this.membershipsUrl, context: { id: 'course', title: 'Course' }, members }, headers };
  }
}
