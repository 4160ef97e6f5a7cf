// Users, always inside one organisation: every method takes the organisation id, so a query can
// never reach another tenant's rows by forgetting a filter.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';
import { Prisma } from '../../../../generated/prisma/client';
import { Page, PageQuery, pageWhere, toPage } from './pagination';

import type { Role } from '@asynclab/contracts';

export type { Role };
export const ROLES: Role[] = ['learner', 'instructor', 'admin'];

export interface UserRow {
  id: string;
  organizationId: string;
  role: string;
  isGuest: boolean;
  email: string | null;
  passwordHash: string | null;
  displayName: string | null;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUser {
  role?: Role;
  isGuest?: boolean;
  email?: string | null;
  passwordHash?: string | null;
  displayName?: string | null;
  externalId?: string | null;
}

export class DuplicateUserError extends Error {
  constructor(readonly field: 'email' | 'externalId') {
    super(`a user with this ${field} already exists in the organisation`);
  }
}

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(organizationId: string, user: NewUser): Promise<UserRow> {
    try {
      return await this.prisma.user.create({ data: { ...user, email: user.email?.toLowerCase() ?? null, organizationId } });
    } catch (error) {
      throw duplicateOr(error);
    }
  }

  async update(organizationId: string, id: string, data: Partial<NewUser>): Promise<UserRow | null> {
    try {
      const updated = await this.prisma.user.updateMany({
        where: { id, organizationId },
        data: { ...data, ...(data.email !== undefined ? { email: data.email?.toLowerCase() ?? null } : {}) },
      });
      return updated.count === 1 ? await this.findById(organizationId, id) : null;
    } catch (error) {
      throw duplicateOr(error);
    }
  }

  findById(organizationId: string, id: string): Promise<UserRow | null> {
    return this.prisma.user.findFirst({ where: { id, organizationId } });
  }

  findByEmail(organizationId: string, email: string): Promise<UserRow | null> {
    return this.prisma.user.findFirst({ where: { organizationId, email: email.toLowerCase() } });
  }

  findByExternalId(organizationId: string, externalId: string): Promise<UserRow | null> {
    return this.prisma.user.findFirst({ where: { organizationId, externalId } });
  }

  async list(organizationId: string, query: PageQuery & { role?: Role; externalId?: string }): Promise<Page<UserRow>> {
    const where: Prisma.UserWhereInput = {
      organizationId,
      isGuest: false,
      ...(query.role ? { role: query.role } : {}),
      ...(query.externalId ? { externalId: query.externalId } : {}),
      ...pageWhere(query),
    };
    const rows = await this.prisma.user.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: query.limit + 1 });
    return toPage(rows, query.limit);
  }

  /** A guest becomes a learner account and keeps its submissions. */
  async claimGuest(
    organizationId: string,
    guestId: string,
    account: { email: string; passwordHash: string; displayName?: string | null },
  ): Promise<UserRow | null> {
    return this.update(organizationId, guestId, { ...account, isGuest: false, role: 'learner' });
  }
}

function duplicateOr(error: unknown): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    const target = JSON.stringify(error.meta ?? {});
    return new DuplicateUserError(/external/.test(target) ? 'externalId' : 'email');
  }
  return error;
}
