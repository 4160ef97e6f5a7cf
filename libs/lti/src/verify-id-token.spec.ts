import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { verifyIdToken } from './verify-id-token';

describe('verifyIdToken', () => {
  let jwks: ReturnType<typeof createLocalJWKSet>;
  let privateKey: CryptoKey;
  let strangerKey: CryptoKey;
  const now = new Date('2026-12-01T12:00:00Z');
  const expected = { issuer: 'https://lms', clientId: 'client-1', clockSkewSeconds: 60, maxAgeSeconds: 600, now };

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'platform-1', alg: 'RS256' };
    jwks = createLocalJWKSet({ keys: [jwk] });
  });

  const sign = (claims: Record<string, unknown>, options: { key?: CryptoKey; kid?: string; iat?: number; exp?: number } = {}) => {
    const iat = options.iat ?? Math.floor(now.getTime() / 1000);
    return new SignJWT({ nonce: 'n', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'platform-1' })
      .setIssuer('https://lms')
      .setAudience('client-1')
      .setIssuedAt(iat)
      .setExpirationTime(options.exp ?? iat + 300)
      .sign(options.key ?? privateKey);
  };

  it('accepts a token the platform signed for us', async () => {
    await expect(verifyIdToken(await sign({ sub: 'u' }), jwks, expected)).resolves.toMatchObject({ sub: 'u', nonce: 'n' });
  });

  it('names an expired token, beyond the skew', async () => {
    const iat = Math.floor(now.getTime() / 1000) - 500;
    await expect(verifyIdToken(await sign({}, { iat, exp: iat + 400 }), jwks, expected)).rejects.toThrow(/expired/);
    // 30 s past exp is inside the 60 s skew.
    await expect(verifyIdToken(await sign({}, { iat, exp: iat + 470 }), jwks, expected)).resolves.toBeDefined();
  });

  it('names a token signed by a key the platform does not publish', async () => {
    await expect(verifyIdToken(await sign({}, { key: strangerKey, kid: 'nobody' }), jwks, expected)).rejects.toThrow(/unknown key/);
    await expect(verifyIdToken(await sign({}, { key: strangerKey }), jwks, expected)).rejects.toThrow(/signature does not verify/);
  });

  it('names a wrong issuer or audience, a future iat and a missing nonce', async () => {
    await expect(verifyIdToken(await sign({}), jwks, { ...expected, issuer: 'https://other' })).rejects.toThrow(/iss/);
    await expect(verifyIdToken(await sign({}), jwks, { ...expected, clientId: 'client-2' })).rejects.toThrow(/aud/);
    const future = Math.floor(now.getTime() / 1000) + 120;
    await expect(verifyIdToken(await sign({}, { iat: future }), jwks, expected)).rejects.toThrow(/iat|future/);
    await expect(verifyIdToken(await sign({ nonce: undefined }), jwks, expected)).rejects.toThrow(/nonce/);
    await expect(verifyIdToken('not.a.jwt', jwks, expected)).rejects.toThrow(/malformed|does not verify/);
  });
});
