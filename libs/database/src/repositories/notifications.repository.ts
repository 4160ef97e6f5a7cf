// An organisation's notifications: made by the worker (an endpoint disabled), read and marked
// read by its admins. Every read takes the organisation id: another organisation's is not found.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

export interface NotificationRow {
  id: string;
  organizationId: string;
  kind: string;
  message: string;
  endpointId: string | null;
  createdAt: Date;
  readAt: Date | null;
}

@Injectable()
export class NotificationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Newest first. */
  list(organizationId: string, options: { unreadOnly: boolean; limit: number }): Promise<NotificationRow[]> {
    return this.prisma.organizationNotification.findMany({
      where: { organizationId, ...(options.unreadOnly ? { readAt: null } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.limit,
    });
  }

  countUnread(organizationId: string): Promise<number> {
    return this.prisma.organizationNotification.count({ where: { organizationId, readAt: null } });
  }

  /** Marks one read (a second call keeps the first time); null when it is not the organisation's. */
  async markRead(organizationId: string, id: string): Promise<NotificationRow | null> {
    await this.prisma.organizationNotification.updateMany({ where: { id, organizationId, readAt: null }, data: { readAt: new Date() } });
    return this.prisma.organizationNotification.findFirst({ where: { id, organizationId } });
  }

  async markAllRead(organizationId: string): Promise<number> {
    const { count } = await this.prisma.organizationNotification.updateMany({
      where: { organizationId, readAt: null },
      data: { readAt: new Date() },
    });
    return count;
  }
}
