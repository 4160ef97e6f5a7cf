// Starts, resolves and ends server-side sessions.
import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { SessionsRepository, SessionWithUser } from '@asynclab/database';
import { randomToken, sha256 } from './secrets';
import { clearSessionCookies, setSessionCookies } from './session-cookie';

/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

export interface StartedSession {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
  ) {}

  async start(request: Request, response: Response, user: { id: string; isGuest: boolean }): Promise<StartedSession> {
    const token = randomToken();
    const csrfToken = randomToken();
    const ttl = user.isGuest ? this.config.auth.guestSessionTtlMs : this.config.auth.sessionTtlMs;
    const expiresAt = new Date(Date.now() + ttl);
    const { id } = await this.sessions.create({
      userId: user.id,
      tokenHash: sha256(token),
      csrfToken,
      expiresAt,
      userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
      ip: request.ip ?? null,
    });
    setSessionCookies(this.config, request, response, token, csrfToken, expiresAt);
    return { sessionId: id, csrfToken, expiresAt };
  }

  async resolve(token: string): Promise<SessionWithUser | null> {
    const session = await this.sessions.findActive(sha256(token));
    if (session && Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await this.sessions.touch(session.id);
    return session;
  }

  async end(request: Request, response: Response, userId: string, sessionId: string): Promise<void> {
    await this.sessions.revoke(userId, sessionId);
    clearSessionCookies(this.config, request, response);
  }

  async endEverywhere(request: Request, response: Response, userId: string): Promise<number> {
    const count = await this.sessions.revokeAll(userId);
    clearSessionCookies(this.config, request, response);
    return count;
  }
}
