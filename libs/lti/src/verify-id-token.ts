// Verifies a platform's id_token with jose (signature against the platform's JWKS, iss, aud, exp
// within the tolerated skew, RS256 only) and turns jose's errors into sentences naming the problem.
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { checkAuthorizedParty, checkIssuedAt, LtiClaimError } from './launch-claims';

export class LtiTokenError extends Error {}

export interface TokenExpectations {
  issuer: string;
  clientId: string;
  clockSkewSeconds: number;
  /** An id_token older than this is refused even before its exp (it answers a login of minutes ago). */
  maxAgeSeconds: number;
  now?: Date;
}

/** The issuer and audience the token claims, read before verification only to find its platform. */
export function unverifiedIssuerAndAudience(token: string): { issuer: string; audiences: string[]; azp: string | null } {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    throw new LtiTokenError('the id_token is not a JWT');
  }
  if (typeof claims.iss !== 'string') throw new LtiTokenError('the id_token has no iss claim');
  const audiences = (Array.isArray(claims.aud) ? claims.aud : [claims.aud]).filter((aud): aud is string => typeof aud === 'string');
  if (audiences.length === 0) throw new LtiTokenError('the id_token has no aud claim');
  return { issuer: claims.iss, audiences, azp: typeof claims.azp === 'string' ? claims.azp : null };
}

export async function verifyIdToken(
  token: string,
  keys: JWTVerifyGetKey,
  expected: TokenExpectations,
): Promise<JWTPayload & Record<string, unknown>> {
  const now = expected.now ?? new Date();
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: expected.issuer,
      audience: expected.clientId,
      algorithms: ['RS256'],
      clockTolerance: expected.clockSkewSeconds,
      maxTokenAge: expected.maxAgeSeconds,
      requiredClaims: ['exp', 'iat', 'nonce'],
      currentDate: now,
    });
    checkIssuedAt(payload, now, expected.clockSkewSeconds);
    checkAuthorizedParty(payload, expected.clientId);
    return payload;
  } catch (error) {
    throw new LtiTokenError(describe(error));
  }
}

function describe(error: unknown): string {
  if (error instanceof LtiClaimError) return error.message;
  if (error instanceof errors.JWTExpired)
    return `the id_token expired (${error.reason === 'check_failed' ? 'exp' : error.claim} is past, beyond the allowed clock skew)`;
  if (error instanceof errors.JWKSNoMatchingKey) return "the id_token is signed by an unknown key (its kid is not in the platform's JWKS)";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "the id_token's signature does not verify against the platform's key";
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the id_token is not signed with RS256';
  if (error instanceof errors.JWTClaimValidationFailed) return `the id_token's ${error.claim} claim is invalid: ${error.message}`;
  if (error instanceof errors.JWKSTimeout) return "the platform's JWKS did not answer in time";
  if (error instanceof errors.JWKSInvalid || error instanceof errors.JWKSMultipleMatchingKeys)
    return `the platform's JWKS is unusable: ${error.message}`;
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return `the id_token is malformed: ${error.message}`;
  if (error instanceof errors.JOSEError) return `the id_token does not verify: ${error.message}`;
  return `the platform's JWKS could not be fetched: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * One remote JWKS per platform URL, kept across launches: jose caches the keys, refetches when a
 * token names a kid it does not hold (a platform's rotation), and at most once per cooldown.
 */
export class RemoteJwksCache {
  private readonly sets = new Map<string, JWTVerifyGetKey>();

  constructor(private readonly options: { timeoutMs?: number; cooldownMs?: number } = {}) {}

  forUrl(url: string): JWTVerifyGetKey {
    let set = this.sets.get(url);
    if (!set) {
      set = createRemoteJWKSet(new URL(url), {
        timeoutDuration: this.options.timeoutMs ?? 5_000,
        cooldownDuration: this.options.cooldownMs ?? 30_000,
      });
      this.sets.set(url, set);
    }
    return set;
  }

  forget(url: string): void {
    this.sets.delete(url);
  }
}
