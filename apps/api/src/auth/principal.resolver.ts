// Turns a request's credentials into a Principal: an API key in `Authorization: Bearer`, else the
// session cookie. A credential that is present but wrong (revoked key, expired session) is an
// error, not anonymity, so an LMS learns at once that its key stopped working.
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { ApiKeyScope, ApiKeysRepository, Role } from '@asynclab/database';
import { ErrorCode } from '@asynclab/contracts';
import { AuthException } from './auth.exception';
import { Principal } from './principal';
import { parseApiKey, sameSecret, sha256 } from './secrets';
import { SESSION_COOKIE } from './session-cookie';
import { SessionsService } from './sessions.service';

export class UnauthenticatedException extends AuthException {
  constructor(message = 'sign in, or send an API key as "Authorization: Bearer <key>"') {
    super(ErrorCode.Unauthenticated, message);
  }
}

@Injectable()
export class PrincipalResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly keys: ApiKeysRepository,
  ) {}

  async resolve(request: Request): Promise<Principal | null> {
    const authorization = request.headers.authorization;
    if (authorization) return this.fromKey(authorization);
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!token) return null;
    const session = await this.sessions.resolve(token);
    // An expired or revoked cookie is treated as no cookie: the page then offers to sign in.
    if (!session) return null;
    return {
      kind: 'session',
      organizationId: session.user.organizationId,
      userId: session.user.id,
      role: session.user.role as Role,
      isGuest: session.user.isGuest,
      sessionId: session.id,
      csrfToken: session.csrfToken,
    };
  }

  private async fromKey(authorization: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const parsed = match ? parseApiKey(match[1]) : null;
    if (!parsed) throw new UnauthenticatedException('the Authorization header must be "Bearer alk_..." with an API key');
    const key = await this.keys.findByPrefix(parsed.prefix);
    if (!key || !sameSecret(key.secretHash, sha256(parsed.secret))) throw new UnauthenticatedException('the API key is not valid');
    if (key.revokedAt) throw new UnauthenticatedException('the API key was revoked');
    await this.keys.markUsed(key);
    return { kind: 'key', organizationId: key.organizationId, keyId: key.id, scopes: key.scopes as ApiKeyScope[] };
  }
}
