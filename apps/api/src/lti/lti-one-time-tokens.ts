// Short-lived single-use tokens in Redis: one opens a launch in a new window (when the frame's
// cookies are blocked), one carries a deep-linking selection, one a dynamic registration link,
// one a launch waiting for its state to be read back from the platform's storage.
// Only the token's SHA-256 is a key; GETDEL takes it atomically, so it works once.
import { Injectable } from '@nestjs/common';
import { RedisConnections } from '@asynclab/config';
import { randomToken, sha256 } from '../auth/secrets';

export type TokenKind = 'open' | 'deep-link' | 'registration' | 'binding';

@Injectable()
export class LtiOneTimeTokens {
  constructor(private readonly redis: RedisConnections) {}

  async issue(kind: TokenKind, payload: object, ttlMs: number): Promise<string> {
    const token = randomToken();
    await this.redis.commands.set(this.key(kind, token), JSON.stringify(payload), 'PX', Math.max(1, Math.round(ttlMs)));
    return token;
  }

  /** The payload, once; null for an unknown, used or expired token. */
  async take<T>(kind: TokenKind, token: string): Promise<T | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const stored = await this.redis.commands.getdel(this.key(kind, token));
    return stored === null ? null : (JSON.parse(stored) as T);
  }

  /** The payload without using the token up (a dynamic registration spends it only once it succeeded). */
  async peek<T>(kind: TokenKind, token: string): Promise<T | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const stored = await this.redis.commands.get(this.key(kind, token));
    return stored === null ? null : (JSON.parse(stored) as T);
  }

  async discard(kind: TokenKind, token: string): Promise<void> {
    await this.redis.commands.del(this.key(kind, token));
  }

  private key(kind: TokenKind, token: string): string {
    return `lti:${kind}:${sha256(token)}`;
  }
}
