// Idempotency records: the unique (owner, key) row is claimed before the request runs, so two
// concurrent retries cannot both reach the handler.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import { Prisma } from '../../../../generated/prisma/client';

export type IdempotencyClaim =
  { kind: 'claimed'; id: string } | { kind: 'existing'; requestHash: string; statusCode: number | null; response: unknown };

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly prisma: PrismaService) {}

  async claim(owner: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    try {
      const row = await this.prisma.idempotencyRecord.create({ data: { owner, key, requestHash }, select: { id: true } });
      return { kind: 'claimed', id: row.id };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
      const row = await this.prisma.idempotencyRecord.findUnique({ where: { owner_key: { owner, key } } });
      if (!row) return this.claim(owner, key, requestHash); // released between the two queries
      return { kind: 'existing', requestHash: row.requestHash, statusCode: row.statusCode, response: row.response };
    }
  }

  async complete(id: string, statusCode: number, response: unknown): Promise<void> {
    await this.prisma.idempotencyRecord.update({
      where: { id },
      data: { statusCode, response: (response ?? null) as Prisma.InputJsonValue },
    });
  }

  /** The request failed: forget the key so a retry runs it again. */
  async release(id: string): Promise<void> {
    await this.prisma.idempotencyRecord.deleteMany({ where: { id } });
  }
}
