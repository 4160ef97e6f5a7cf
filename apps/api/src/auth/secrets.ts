// Random tokens and their hashes. Session tokens and API key secrets are 32 random bytes, so a
// plain SHA-256 is enough to store them (no dictionary to attack); passwords use Argon2id.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

// @node-rs/argon2 defaults to Argon2id (m=19 MiB, t=2, p=1: OWASP's baseline).
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // No hash (guest, LMS-only learner): still spend the time, so timing does not reveal accounts.
  if (!passwordHash) {
    await hash(password);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

/** API keys read `alk_<prefix>_<secret>`: the prefix finds the row, the secret proves the caller. */
export const API_KEY_PATTERN = /^alk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

export function newApiKey(): { key: string; prefix: string; secretHash: string } {
  const prefix = randomBytes(9).toString('base64url').replace(/[-_]/g, 'x').slice(0, 12);
  const secret = randomToken();
  return { key: `alk_${prefix}_${secret}`, prefix, secretHash: sha256(secret) };
}

export function parseApiKey(text: string): { prefix: string; secret: string } | null {
  const match = API_KEY_PATTERN.exec(text);
  return match ? { prefix: match[1], secret: match[2] } : null;
}
