// The one place that decides whether a request may reach a route: it resolves the principal,
// applies the route's @Access rule, and refuses cookie-authenticated writes without the CSRF
// token. Which rows a principal may then see is decided by access-policy.ts and the
// organisation-scoped repositories.
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@asynclab/contracts';
import { isOperatorOrganization } from './access-policy';
import { AuthException } from './auth.exception';
import { ACCESS_METADATA, AccessRule, DEFAULT_ACCESS } from './access.decorator';
import { Principal, RequestWithPrincipal } from './principal';
import { PrincipalResolver, UnauthenticatedException } from './principal.resolver';
import { sameSecret } from './secrets';
import { CSRF_HEADER } from './session-cookie';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: PrincipalResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<RequestWithPrincipal>();
    const rule =
      this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]) ??
      DEFAULT_ACCESS;
    if (rule.platformForm) return true;
    const principal = await this.resolver.resolve(request);
    if (principal) request.principal = principal;
    if (!SAFE_METHODS.has(request.method) && principal?.kind !== 'key') checkSameOrigin(request);
    if (principal?.kind === 'session' && !SAFE_METHODS.has(request.method)) checkCsrf(request, principal.csrfToken);
    if (rule.public) return true;
    if (!principal) throw new UnauthenticatedException();
    if (!allows(rule, principal)) throw forbidden(rule, principal);
    if (rule.operators && !isOperatorOrganization(principal)) {
      throw new AuthException(ErrorCode.NotFound, `${request.method} ${request.path} is not a route of this organisation`);
    }
    return true;
  }
}

/**
 * A browser names the page that sent a write in Origin: one from another site is refused even
 * without a session, so no other site can sign a visitor in to an account of its choosing.
 */
function checkSameOrigin(request: RequestWithPrincipal): void {
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = '';
  }
  if (host !== request.headers.host) {
    throw new AuthException(ErrorCode.CsrfTokenInvalid, `a write from another site (${origin}) is refused`);
  }
}

function checkCsrf(request: RequestWithPrincipal, csrfToken: string): void {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !sameSecret(sent, csrfToken)) {
    throw new AuthException(
      ErrorCode.CsrfTokenInvalid,
      `a signed-in write must carry the session's CSRF token in the ${CSRF_HEADER} header`,
    );
  }
}

export function allows(rule: AccessRule, principal: Principal): boolean {
  if (principal.kind === 'key') return rule.keyScope !== undefined && principal.scopes.includes(rule.keyScope);
  if (principal.isGuest) return rule.guests === true;
  if (!rule.roles) return false;
  return rule.roles === 'any' || rule.roles.includes(principal.role);
}

function forbidden(rule: AccessRule, principal: Principal): AuthException {
  if (principal.kind === 'key') {
    return rule.keyScope
      ? new AuthException(ErrorCode.KeyScopeMissing, `this API key lacks the "${rule.keyScope}" scope`)
      : new AuthException(ErrorCode.KeyNotAllowed, 'this endpoint is for signed-in users, not API keys');
  }
  if (principal.isGuest) return new AuthException(ErrorCode.AccountRequired, 'sign in or create an account to do this');
  return new AuthException(ErrorCode.RoleNotAllowed, `your role (${principal.role}) may not do this`);
}
