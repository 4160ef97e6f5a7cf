// Our own LTI signing keys (libs/lti LtiKeyStore decides when to rotate and which to publish).
import { Injectable } from '@nestjs/common';
import type { Prisma } from '../../../../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export interface LtiKeyRow {
  kid: string;
  publicJwk: unknown;
  privateJwk: unknown;
  createdAt: Date;
  activatedAt: Date;
  retiredAt: Date | null;
}

@Injectable()
export class LtiKeysRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The newest key that is not retired: the one that signs. */
  newestActive(): Promise<LtiKeyRow | null> {
    return this.prisma.ltiKey.findFirst({ where: { retiredAt: null }, orderBy: [{ activatedAt: 'desc' }, { kid: 'desc' }] });
  }

  /** Every key a platform may still meet: the active ones and those retired after `retiredSince`. */
  published(retiredSince: Date): Promise<LtiKeyRow[]> {
    return this.prisma.ltiKey.findMany({
      where: { OR: [{ retiredAt: null }, { retiredAt: { gt: retiredSince } }] },
      orderBy: [{ activatedAt: 'desc' }, { kid: 'desc' }],
    });
  }

  /** Adds the new key and retires every other active one, in one transaction. */
  async activate(key: { kid: string; publicJwk: Prisma.InputJsonValue; privateJwk: Prisma.InputJsonValue }, now: Date): Promise<LtiKeyRow> {
    const [, created] = await this.prisma.$transaction([
      this.prisma.ltiKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: now } }),
      this.prisma.ltiKey.create({ data: { ...key, createdAt: now, activatedAt: now } }),
    ]);
    return created;
  }

  /** Forgets keys retired before `before`: no platform can still hold a token they signed. */
  async deleteRetiredBefore(before: Date): Promise<number> {
    const { count } = await this.prisma.ltiKey.deleteMany({ where: { retiredAt: { lt: before } } });
    return count;
  }
}
