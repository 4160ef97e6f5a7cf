// OIDC login states: written at login initiation, consumed once at launch. The state lives here,
// not in a cookie, because a tool inside an LMS iframe often cannot set or read cookies.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

export interface LtiLaunchStateRow {
  state: string;
  nonce: string;
  platformId: string;
  targetLinkUri: string;
  storageTarget: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export type ConsumedState = { ok: true; row: LtiLaunchStateRow } | { ok: false; reason: 'unknown' | 'used' | 'expired' };

@Injectable()
export class LtiLaunchStatesRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(row: Omit<LtiLaunchStateRow, 'createdAt' | 'usedAt'>): Promise<void> {
    await this.prisma.ltiLaunchState.create({ data: row });
  }

  /** Marks the state used exactly once (a single conditional UPDATE); a second caller learns why it lost. */
  async consume(state: string, now: Date): Promise<ConsumedState> {
    const { count } = await this.prisma.ltiLaunchState.updateMany({
      where: { state, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const row = await this.prisma.ltiLaunchState.findUnique({ where: { state } });
    if (!row) return { ok: false, reason: 'unknown' };
    if (count === 1) return { ok: true, row };
    return { ok: false, reason: row.usedAt ? 'used' : 'expired' };
  }

  /** Whether a launch already spent this nonce (to name a replayed id_token as such). */
  async nonceUsed(nonce: string): Promise<boolean> {
    const row = await this.prisma.ltiLaunchState.findUnique({ where: { nonce }, select: { usedAt: true } });
    return row?.usedAt != null;
  }

  /** Housekeeping: states past their expiry can never be consumed. */
  async deleteExpired(before: Date): Promise<number> {
    const { count } = await this.prisma.ltiLaunchState.deleteMany({ where: { expiresAt: { lt: before } } });
    return count;
  }
}
