// OAuth2 access tokens for a platform's services (IMS Security Framework 4.1): the
// client_credentials grant with our client assertion (RFC 7523, signed by libs/lti with our
// active key), one per platform and scope set. Tokens are cached in Redis until a minute before
// they expire, shared by every API and worker process: platforms rate-limit their token endpoint
// (a burst of grades would otherwise ask for one token per score), and a restart keeps them.
// Redis unavailable only costs a fresh token; it never stops a sync.
import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { LtiKeyStore, signClientAssertion } from '@asynclab/lti';
import { answerError, jsonOf, platformRequest, PlatformServiceError } from './platform-request';

export interface TokenPlatform {
  id: string;
  clientId: string;
  authTokenUrl: string;
  /** The aud the platform wants in our client assertion; null: its token URL (IMS Security Framework 4.1). */
  authTokenAudience: string | null;
  /** The organisation lets its platforms' services be on private addresses. */
  allowPrivate: boolean;
}

export const TOKEN_CACHE_PREFIX = 'asynclab:lti:token:';
/** A token is not used in its last minute: a request sent with it must still arrive in time. */
const EXPIRY_MARGIN_SECONDS = 60;
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface TokenAnswer {
  accessToken: string;
  expiresInSeconds: number;
}

/** Checks the token endpoint's JSON (RFC 6749 5.1): a bearer access_token; expires_in defaults to an hour. */
export function parseTokenAnswer(body: unknown): TokenAnswer {
  const answer = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof answer.access_token !== 'string' || answer.access_token.length === 0 || answer.access_token.length > 8192) {
    throw new PlatformServiceError('token: the answer has no access_token', 200);
  }
  if (typeof answer.token_type === 'string' && answer.token_type.toLowerCase() !== 'bearer') {
    throw new PlatformServiceError(`token: token_type ${answer.token_type.slice(0, 40)} is not Bearer`, 200);
  }
  const expires = typeof answer.expires_in === 'number' && Number.isFinite(answer.expires_in) ? answer.expires_in : 3600;
  return { accessToken: answer.access_token, expiresInSeconds: Math.max(0, Math.floor(expires)) };
}

@Injectable()
export class PlatformTokenClient {
  private readonly logger = new Logger(PlatformTokenClient.name);
  /** Requests in flight in this process, so concurrent syncs of one platform ask once. */
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly redis: RedisConnections,
    private readonly keys: LtiKeyStore,
  ) {}

  async accessToken(platform: TokenPlatform, scopes: readonly string[]): Promise<string> {
    const key = cacheKey(platform.id, scopes);
    const cached = await this.redis.commands.get(key).catch(() => null);
    if (cached) return cached;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.requestToken(platform, scopes, key).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** Drops a cached token the platform refused (401), so the next request asks for a new one. */
  async forget(platformId: string, scopes: readonly string[]): Promise<void> {
    await this.redis.commands.del(cacheKey(platformId, scopes)).catch(() => undefined);
  }

  private async requestToken(platform: TokenPlatform, scopes: readonly string[], key: string): Promise<string> {
    const assertion = await signClientAssertion(this.keys, platform.clientId, platform.authTokenAudience ?? platform.authTokenUrl);
    const response = await platformRequest({
      method: 'POST',
      url: platform.authTokenUrl,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: assertion,
        scope: [...scopes].sort().join(' '),
      }).toString(),
      timeoutMs: this.config.ltiServices.timeoutMs,
      allowPrivate: platform.allowPrivate,
      maxBytes: 64 * 1024,
    });
    if (response.status !== 200) throw answerError('token', response);
    const { accessToken, expiresInSeconds } = parseTokenAnswer(jsonOf('token', response));
    const ttl = expiresInSeconds - EXPIRY_MARGIN_SECONDS;
    if (ttl > 0) {
      await this.redis.commands.set(key, accessToken, 'EX', ttl).catch((error: unknown) => {
        this.logger.debug(`token for platform ${platform.id} not cached: ${(error as Error).message}`);
      });
    }
    return accessToken;
  }
}

/** One cache entry per platform and scope set (order does not matter). */
export function cacheKey(platformId: string, scopes: readonly string[]): string {
  const digest = createHash('sha256')
    .update([...scopes].sort().join(' '))
    .digest('hex')
    .slice(0, 16);
  return `${TOKEN_CACHE_PREFIX}${platformId}:${digest}`;
}
