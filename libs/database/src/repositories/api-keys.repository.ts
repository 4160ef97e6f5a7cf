// API keys of an organisation's LMS. Lookups by prefix are the one unscoped read: the key is how
// the request proves its organisation. Everything else takes the organisation id.
import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

import type { ApiKeyScope } from '@asynclab/contracts';

export type { ApiKeyScope };
export const API_KEY_SCOPES: ApiKeyScope[] = ['read', 'submit', 'manage'];

export interface ApiKeyRow {
  id: string;
  organizationId: string;
  name: string;
  prefix: string;
  secretHash: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** How often last_used_at is written: once a minute is precise enough and spares a write per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(
    organizationId: string,
    data: { name: string; prefix: string; secretHash: string; scopes: ApiKeyScope[]; createdById?: string | null },
  ): Promise<ApiKeyRow> {
    return this.prisma.apiKey.create({ data: { ...data, organizationId } });
  }

  findByPrefix(prefix: string): Promise<ApiKeyRow | null> {
    return this.prisma.apiKey.findUnique({ where: { prefix } });
  }

  list(organizationId: string): Promise<ApiKeyRow[]> {
    return this.prisma.apiKey.findMany({ where: { organizationId }, orderBy: { createdAt: 'desc' } });
  }

  async revoke(organizationId: string, id: string): Promise<boolean> {
    const result = await this.prisma.apiKey.updateMany({ where: { id, organizationId, revokedAt: null }, data: { revokedAt: new Date() } });
    return result.count === 1;
  }

  async markUsed(key: ApiKeyRow): Promise<void> {
    const now = new Date();
    if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
    await this.prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
}
