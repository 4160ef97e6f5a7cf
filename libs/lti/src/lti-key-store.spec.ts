import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import type { LtiKeyRow, LtiKeysRepository } from '@asynclab/database';
import { LtiKeyStore } from './lti-key-store';
import { signClientAssertion, signWithActiveKey } from './sign-with-active-key';

const DAY = 24 * 3600_000;

/** The repository's contract over an array (the real one is exercised by the e2e tests). */
class InMemoryKeys {
  rows: LtiKeyRow[] = [];
  newestActive(): Promise<LtiKeyRow | null> {
    const active = this.rows.filter((r) => !r.retiredAt).sort((a, b) => b.activatedAt.getTime() - a.activatedAt.getTime());
    return Promise.resolve(active[0] ?? null);
  }
  published(since: Date): Promise<LtiKeyRow[]> {
    const rows = this.rows.filter((r) => !r.retiredAt || r.retiredAt > since);
    return Promise.resolve(rows.sort((a, b) => b.activatedAt.getTime() - a.activatedAt.getTime()));
  }
  activate(key: { kid: string; publicJwk: unknown; privateJwk: unknown }, now: Date): Promise<LtiKeyRow> {
    for (const row of this.rows) row.retiredAt ??= now;
    const row = { ...key, createdAt: now, activatedAt: now, retiredAt: null };
    this.rows.push(row);
    return Promise.resolve(row);
  }
  deleteRetiredBefore(before: Date): Promise<number> {
    const keep = this.rows.filter((r) => !r.retiredAt || r.retiredAt >= before);
    const removed = this.rows.length - keep.length;
    this.rows = keep;
    return Promise.resolve(removed);
  }
}

function storeWith(policy: { keyMaxAgeMs: number; keyOverlapMs: number }): { store: LtiKeyStore; keys: InMemoryKeys } {
  const keys = new InMemoryKeys();
  const config = {
    lti: { ...policy, publicUrl: 'http://tool', clockSkewSeconds: 60, stateTtlMs: 1, launchTokenTtlMs: 1, requireBrowserBinding: false },
  };
  return { store: new LtiKeyStore(keys as unknown as LtiKeysRepository, config), keys };
}

describe('LtiKeyStore', () => {
  it('creates a key on first use and publishes only its public half', async () => {
    const { store, keys } = storeWith({ keyMaxAgeMs: 90 * DAY, keyOverlapMs: 7 * DAY });
    const jwks = await store.publicJwks();
    expect(keys.rows).toHaveLength(1);
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: keys.rows[0].kid });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('signs with the active key so that its JWKS verifies, and keeps a rotated key published for the overlap', async () => {
    const { store } = storeWith({ keyMaxAgeMs: 0, keyOverlapMs: 7 * DAY });
    const t0 = new Date();
    const before = await signWithActiveKey(store, { hello: 'lti' }, { issuer: 'tool', audience: 'platform', now: t0 });
    const { kid: newKid } = await store.rotate(t0);
    const after = await signWithActiveKey(store, {}, { issuer: 'tool', audience: 'platform', now: t0 });
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    expect(decodeProtectedHeader(before).kid).not.toBe(newKid);

    const inOverlap = createLocalJWKSet(await store.publicJwks(new Date(t0.getTime() + DAY)));
    await expect(jwtVerify(before, inOverlap, { issuer: 'tool', audience: 'platform' })).resolves.toMatchObject({
      payload: { hello: 'lti' },
    });
    const afterOverlap = await store.publicJwks(new Date(t0.getTime() + 8 * DAY));
    expect(afterOverlap.keys.map((k) => k.kid)).toEqual([newKid]);
  });

  it('rotates by itself once the active key is older than the maximum age', async () => {
    const { store } = storeWith({ keyMaxAgeMs: 30 * DAY, keyOverlapMs: 7 * DAY });
    const t0 = new Date('2026-01-01T00:00:00Z');
    const first = await store.activeSigningKey(t0);
    expect((await store.activeSigningKey(new Date(t0.getTime() + 29 * DAY))).kid).toBe(first.kid);
    const later = await store.activeSigningKey(new Date(t0.getTime() + 31 * DAY));
    expect(later.kid).not.toBe(first.kid);
    expect((await store.publicJwks(new Date(t0.getTime() + 32 * DAY))).keys.map((k) => k.kid)).toEqual([later.kid, first.kid]);
  });

  it('signs RFC 7523 client assertions: iss = sub = client id, aud = token URL, a unique jti', async () => {
    const { store } = storeWith({ keyMaxAgeMs: 0, keyOverlapMs: DAY });
    const jwks = createLocalJWKSet(await store.publicJwks());
    const [a, b] = [
      await signClientAssertion(store, 'client-1', 'http://lms/token'),
      await signClientAssertion(store, 'client-1', 'http://lms/token'),
    ];
    const { payload } = await jwtVerify(a, jwks, { issuer: 'client-1', subject: 'client-1', audience: 'http://lms/token' });
    expect(payload.jti).toEqual(expect.any(String));
    expect((await jwtVerify(b, jwks)).payload.jti).not.toBe(payload.jti);
  });
});
