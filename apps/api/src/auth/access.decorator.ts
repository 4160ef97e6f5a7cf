// Every route says who may call it; the AuthGuard enforces it. A route without @Access is open to
// signed-in users (not guests, not keys): forgetting the decorator can only refuse, never expose.
import { SetMetadata } from '@nestjs/common';
import type { ApiKeyScope, Role } from '@asynclab/database';

export interface AccessRule {
  /** Anyone, signed in or not (sign-in, health, the public catalog). */
  public?: boolean;
  /** Roles of signed-in users allowed; 'any' for every role. */
  roles?: Role[] | 'any';
  /** Guest learners are let through too. */
  guests?: boolean;
  /** API keys holding this scope are let through. */
  keyScope?: ApiKeyScope;
  /**
   * A form an LMS posts from its own site (LTI login and launch, our pages inside its frame):
   * public, no same-origin or CSRF check, no principal. Such a route must carry its own proof
   * (a signed id_token and single-use state, or a single-use token we issued).
   */
  platformForm?: boolean;
  /**
   * The service's own operations, for every tenant at once (our LTI signing key, the workers):
   * only the service's own organisation (the public one, created at install) may call it, with
   * the roles and scope above. Any other organisation's admin gets 404: the route is not theirs.
   */
  operators?: boolean;
}

export const ACCESS_METADATA = 'asynclab:access';
export const DEFAULT_ACCESS: AccessRule = { roles: 'any' };

export const Access = (rule: AccessRule) => SetMetadata(ACCESS_METADATA, rule);

/** Marks the routes that count against the per-learner submission limit. */
export const SUBMISSION_LIMITED = 'asynclab:submission-limited';
export const SubmissionLimited = () => SetMetadata(SUBMISSION_LIMITED, true);
