// Which rows a principal may see, in one place. Repositories then take the organisation id as a
// required argument, so a principal can never reach another organisation's rows: those answer
// 404 (they are not there for this caller), never 403.
import { PUBLIC_ORGANIZATION_ID, type SubmissionScope } from '@asynclab/database';
import { Principal } from './principal';

/** Learners and guests see their own work; instructors, admins and keys their organisation's. */
export function seesWholeOrganization(principal: Principal): boolean {
  return principal.kind === 'key' || (!principal.isGuest && (principal.role === 'instructor' || principal.role === 'admin'));
}

/**
 * The submissions a principal may read, optionally narrowed to one user. Null means the
 * principal may not look at that user at all (the caller answers 404).
 */
export function submissionScope(principal: Principal, userId?: string): SubmissionScope | null {
  if (seesWholeOrganization(principal)) return { organizationId: principal.organizationId, ...(userId ? { userId } : {}) };
  const own = principal.kind === 'session' ? principal.userId : null;
  if (!own || (userId && userId !== own)) return null;
  return { organizationId: principal.organizationId, userId: own };
}

/** Whether the principal may read this user's profile and results (inside its organisation). */
export function maySeeUser(principal: Principal, userId: string): boolean {
  return seesWholeOrganization(principal) || (principal.kind === 'session' && principal.userId === userId);
}

/**
 * Whose rows of a cohort a principal may read: the whole cohort (instructors, admins, keys of the
 * organisation) or only their own (a learner, and only in a cohort they belong to).
 */
export function cohortReader(principal: Principal): { whole: true } | { whole: false; userId: string } | null {
  if (seesWholeOrganization(principal)) return { whole: true };
  if (principal.kind === 'session' && !principal.isGuest) return { whole: false, userId: principal.userId };
  return null;
}

/**
 * The service's operators belong to its own organisation (the public one). A tenant's admin runs
 * their organisation, not the service every tenant shares.
 */
export function isOperatorOrganization(principal: Principal): boolean {
  return principal.organizationId === PUBLIC_ORGANIZATION_ID;
}

/** Who sees how the service runs (workers, hosts, sandbox pools): the operators' admins and keys with `manage`. */
export function maySeeOperations(principal: Principal | undefined): boolean {
  if (!principal || !isOperatorOrganization(principal)) return false;
  return principal.kind === 'key' ? principal.scopes.includes('manage') : principal.role === 'admin';
}
