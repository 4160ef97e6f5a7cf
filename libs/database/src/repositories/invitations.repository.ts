// Invitations to join an organisation; the emailed token is stored only as its SHA-256.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

export interface InvitationRow {
  id: string;
  organizationId: string;
  email: string;
  role: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  createdAt: Date;
}

@Injectable()
export class InvitationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(organizationId: string, data: { email: string; role: string; tokenHash: string; expiresAt: Date }): Promise<InvitationRow> {
    return this.prisma.invitation.create({ data: { ...data, email: data.email.toLowerCase(), organizationId }, omit: { tokenHash: true } });
  }

  findOpen(tokenHash: string): Promise<InvitationRow | null> {
    return this.prisma.invitation.findFirst({
      where: { tokenHash, acceptedAt: null, expiresAt: { gt: new Date() } },
      omit: { tokenHash: true },
    });
  }

  async accept(organizationId: string, id: string): Promise<boolean> {
    const result = await this.prisma.invitation.updateMany({
      where: { id, organizationId, acceptedAt: null },
      data: { acceptedAt: new Date() },
    });
    return result.count === 1;
  }
}
