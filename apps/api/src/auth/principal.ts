// Who is asking: resolved once per request by the AuthGuard from a session cookie or an API key,
// and the only source of identity the handlers use (never a field of the request body).
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { ApiKeyScope, Role } from '@asynclab/database';

export interface SessionPrincipal {
  kind: 'session';
  organizationId: string;
  userId: string;
  role: Role;
  isGuest: boolean;
  sessionId: string;
  csrfToken: string;
}

export interface KeyPrincipal {
  kind: 'key';
  organizationId: string;
  keyId: string;
  scopes: ApiKeyScope[];
}

export type Principal = SessionPrincipal | KeyPrincipal;

export type RequestWithPrincipal = Request & { principal?: Principal };

/** The caller of a route that the guard has let through: never undefined on a non-public route. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | undefined => {
  return context.switchToHttp().getRequest<RequestWithPrincipal>().principal;
});

/** Whose idempotency keys and rate-limit counters a request uses. */
export function principalKey(principal: Principal): string {
  return principal.kind === 'key' ? `key:${principal.keyId}` : `user:${principal.userId}`;
}
