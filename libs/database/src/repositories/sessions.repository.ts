// Server-side sessions. The cookie's token is never stored, only its SHA-256, so a copy of the
// table cannot be replayed as cookies.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

export interface SessionWithUser {
  id: string;
  userId: string;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  user: { id: string; organizationId: string; role: string; isGuest: boolean; email: string | null; displayName: string | null };
}

export interface SessionListing {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(data: {
    userId: string;
    tokenHash: string;
    csrfToken: string;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  }): Promise<{ id: string }> {
    return this.prisma.session.create({ data, select: { id: true } });
  }

  /** The live session for a token hash: not revoked, not expired. */
  findActive(tokenHash: string, now = new Date()): Promise<SessionWithUser | null> {
    return this.prisma.session.findFirst({
      where: { tokenHash, revokedAt: null, expiresAt: { gt: now } },
      select: {
        id: true,
        userId: true,
        csrfToken: true,
        expiresAt: true,
        lastSeenAt: true,
        user: { select: { id: true, organizationId: true, role: true, isGuest: true, email: true, displayName: true } },
      },
    });
  }

  async touch(id: string): Promise<void> {
    await this.prisma.session.update({ where: { id }, data: { lastSeenAt: new Date() } });
  }

  listActive(userId: string): Promise<SessionListing[]> {
    return this.prisma.session.findMany({
      where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true, userAgent: true, ip: true, createdAt: true, lastSeenAt: true, expiresAt: true },
      orderBy: { lastSeenAt: 'desc' },
    });
  }

  /** Revokes one of the user's sessions; false when it is not theirs (or already gone). */
  async revoke(userId: string, id: string): Promise<boolean> {
    const result = await this.prisma.session.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: new Date() } });
    return result.count === 1;
  }

  /** Sign-out everywhere; `except` keeps the current session (after a password change). */
  async revokeAll(userId: string, except?: string): Promise<number> {
    const result = await this.prisma.session.updateMany({
      where: { userId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
      data: { revokedAt: new Date() },
    });
    return result.count;
  }
}
