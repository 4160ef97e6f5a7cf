// Brute-force protection for sign-in: failed attempts are counted per account and per IP in Redis
// (so every API process shares them) inside a fixed window; past the limit sign-in answers 429
// with Retry-After until the window ends, even with the right password. Success clears the
// account's count. When Redis cannot be reached, sign-in still works (logged): an outage of the
// counters must not lock everyone out.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { RateLimitedException } from '../common/rate-limited.exception';

@Injectable()
export class SignInThrottle {
  private readonly logger = new Logger(SignInThrottle.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly connections: RedisConnections,
  ) {}

  private keys(organizationId: string, email: string, ip: string): { account: string; ip: string } {
    return { account: `asynclab:sign-in:account:${organizationId}:${email.toLowerCase()}`, ip: `asynclab:sign-in:ip:${ip}` };
  }

  /** Throws 429 when either counter is at its limit. */
  async check(organizationId: string, email: string, ip: string): Promise<void> {
    const keys = this.keys(organizationId, email, ip);
    const { perAccount, perIp } = this.config.auth.signIn;
    const replies = await this.orNull(
      this.connections.commands.multi().get(keys.account).get(keys.ip).pttl(keys.account).pttl(keys.ip).exec(),
    );
    if (!replies) return;
    const [account, byIp, accountTtl, ipTtl] = replies.map(([, value]) => Number(value ?? 0));
    if (account >= perAccount) {
      throw new RateLimitedException('too many failed sign-ins for this account; wait before trying again', accountTtl);
    }
    if (byIp >= perIp) throw new RateLimitedException('too many failed sign-ins from this address; wait before trying again', ipTtl);
  }

  async recordFailure(organizationId: string, email: string, ip: string): Promise<void> {
    const keys = this.keys(organizationId, email, ip);
    const windowMs = this.config.auth.signIn.windowMs;
    // NX: the window starts at the first failure and is not stretched by later ones.
    await this.orNull(
      this.connections.commands
        .multi()
        .incr(keys.account)
        .pexpire(keys.account, windowMs, 'NX')
        .incr(keys.ip)
        .pexpire(keys.ip, windowMs, 'NX')
        .exec(),
    );
  }

  async recordSuccess(organizationId: string, email: string, ip: string): Promise<void> {
    await this.orNull(this.connections.commands.del(this.keys(organizationId, email, ip).account));
  }

  private async orNull<T>(command: Promise<T>): Promise<T | null> {
    try {
      return await command;
    } catch (error) {
      this.logger.warn(`sign-in counters unavailable (${error instanceof Error ? error.message : String(error)}); not counted`);
      return null;
    }
  }
}
