// Rate limits with @nestjs/throttler, counted in Redis so every API process shares them:
// - "default": requests per minute for each API key, each user, or each anonymous IP address;
// - "submissions": submissions per minute for each learner (whoever submits for them).
// Runs after the AuthGuard, so the principal is known. Answers 429 with Retry-After.
// When Redis cannot count, requests pass (logged): a Redis outage must not stop submissions, which
// the API commits to PostgreSQL and queues later.
import { ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerRequest } from '@nestjs/throttler';
import { principalKey, RequestWithPrincipal } from '../../auth/principal';
import { SUBMISSION_LIMITED } from '../../auth/access.decorator';
import { RateLimitedException } from '../rate-limited.exception';

export const SUBMISSIONS_THROTTLER = 'submissions';

@Injectable()
export class PrincipalThrottlerGuard extends ThrottlerGuard {
  private readonly outageLog = new Logger('rate-limit');

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    if (props.throttler.name === SUBMISSIONS_THROTTLER) {
      const limited = this.reflector.get<boolean | undefined>(SUBMISSION_LIMITED, props.context.getHandler());
      if (!limited) return true;
    }
    try {
      return await super.handleRequest(props);
    } catch (error) {
      if (error instanceof RateLimitedException) throw error;
      this.outageLog.warn(`not counted (${error instanceof Error ? error.message : String(error)}); the request passes`);
      return true;
    }
  }

  protected override getTracker(req: Record<string, unknown>): Promise<string> {
    const request = req as unknown as RequestWithPrincipal;
    return Promise.resolve(request.principal ? principalKey(request.principal) : `ip:${request.ip ?? 'unknown'}`);
  }

  /** One counter per caller across every route (the default keys by route). */
  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    if (name !== SUBMISSIONS_THROTTLER) return `asynclab:rate:${name}:${tracker}`;
    // The learner: named in the path when an LMS submits for them, else the caller itself.
    const learner: unknown = context.switchToHttp().getRequest<RequestWithPrincipal>().params.userId;
    return `asynclab:rate:${name}:${typeof learner === 'string' ? `user:${learner}` : tracker}`;
  }

  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const what = detail.key.includes(`:${SUBMISSIONS_THROTTLER}:`) ? `submissions for this learner` : 'requests';
    const message = `too many ${what}: at most ${detail.limit} a minute; retry after the Retry-After seconds`;
    return Promise.reject(new RateLimitedException(message, detail.timeToBlockExpire * 1000));
  }
}
