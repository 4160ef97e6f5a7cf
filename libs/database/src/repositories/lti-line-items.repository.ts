// The AGS line item of each (context, assignment) we found or created on the platform. Finding or
// creating one runs under a PostgreSQL advisory lock on that pair, so two workers syncing grades
// of the same assignment at once ask the platform one after the other and the second finds the
// first one's row; the unique key (context_id, assignment_id) is the backstop.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

export interface LtiLineItemRow {
  id: string;
  contextId: string;
  assignmentId: string;
  url: string;
  source: string;
  createdAt: Date;
}

export type LineItemSource = 'found' | 'created';

@Injectable()
export class LtiLineItemsRepository {
  constructor(private readonly prisma: PrismaService) {}

  find(contextId: string, assignmentId: string): Promise<LtiLineItemRow | null> {
    return this.prisma.ltiLineItem.findUnique({ where: { contextId_assignmentId: { contextId, assignmentId } } });
  }

  /**
   * The stored line item, or, holding the lock on (context, assignment), the one `discover` finds
   * or creates on the platform, stored before the lock is let go. `timeoutMs` bounds the whole
   * transaction (discover makes HTTP calls while a connection is held).
   */
  async findOrDiscover(
    contextId: string,
    assignmentId: string,
    discover: () => Promise<{ url: string; source: LineItemSource }>,
    timeoutMs: number,
  ): Promise<LtiLineItemRow> {
    const stored = await this.find(contextId, assignmentId);
    if (stored) return stored;
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`lti-line-item:${contextId}:${assignmentId}`}, 0))`;
        const winner = await tx.ltiLineItem.findUnique({ where: { contextId_assignmentId: { contextId, assignmentId } } });
        if (winner) return winner;
        const { url, source } = await discover();
        return tx.ltiLineItem.create({ data: { contextId, assignmentId, url, source } });
      },
      { maxWait: timeoutMs, timeout: timeoutMs },
    );
  }
}
