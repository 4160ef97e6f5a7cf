import { ApiException } from './api.exception';

/** 429 with the seconds to wait; the exception filter turns retryAfterSeconds into Retry-After. */
export class RateLimitedException extends ApiException {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterMs: number) {
    super(429, 'RATE_LIMITED', message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}
