// Signs a JWT with our active LTI key (jose SignJWT): deep-linking responses, and the client
// assertions (RFC 7523 private_key_jwt) with which we ask a platform's token endpoint for AGS and
// NRPS access tokens.
import { randomUUID } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import { LTI_SIGNING_ALG, type LtiKeyStore } from './lti-key-store';

export interface SignOptions {
  issuer: string;
  audience: string | string[];
  subject?: string;
  /** Lifetime in seconds from now; default 5 minutes. */
  expiresInSeconds?: number;
  /** Default: a fresh UUID (client assertions must carry a unique jti). */
  jwtId?: string;
  now?: Date;
}

export async function signWithActiveKey(keyStore: LtiKeyStore, payload: JWTPayload, options: SignOptions): Promise<string> {
  const now = options.now ?? new Date();
  const { kid, privateKey } = await keyStore.activeSigningKey(now);
  const issuedAt = Math.floor(now.getTime() / 1000);
  const jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: LTI_SIGNING_ALG, kid, typ: 'JWT' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + (options.expiresInSeconds ?? 300))
    .setJti(options.jwtId ?? randomUUID());
  if (options.subject) jwt.setSubject(options.subject);
  return jwt.sign(privateKey);
}

/**
 * An RFC 7523 client assertion for a platform's OAuth2 token endpoint: iss and sub are our client
 * id, aud the token endpoint (IMS Security Framework 4.1).
 */
export function signClientAssertion(keyStore: LtiKeyStore, clientId: string, tokenUrl: string, now?: Date): Promise<string> {
  return signWithActiveKey(keyStore, {}, { issuer: clientId, subject: clientId, audience: tokenUrl, expiresInSeconds: 300, now });
}
