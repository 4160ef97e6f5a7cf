import { ErrorCode } from '@asynclab/contracts';
import { DomainException } from './domain.exception';

/** 429 with the seconds to wait; the exception filter turns retryAfterSeconds into Retry-After. */
export class RateLimitedException extends DomainException {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterMs: number) {
    super(ErrorCode.RateLimited, message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}
