// Accounts for tests: organisations, users and keys made directly through the repositories (the
// set-up of a test, not what it checks), then signed in over HTTP like any client.
import { randomUUID } from 'node:crypto';
import { ApiKeyScope, ApiKeysRepository, OrganizationsRepository, PrismaService, Role, UsersRepository } from '@asynclab/database';
import { loadAppConfig } from '@asynclab/config';
import { createApiKey } from '../../../apps/api/src/api-keys/api-keys.service';
import { hashPassword } from '../../../apps/api/src/auth/secrets';
import { applyTestEnv } from '../../e2e-env';
import { call, Caller } from './client';

export const PASSWORD = 'correct horse battery';

export class Accounts {
  private readonly prisma: PrismaService;

  constructor() {
    applyTestEnv();
    this.prisma = new PrismaService(loadAppConfig());
  }

  close(): Promise<void> {
    return this.prisma.$disconnect();
  }

  async org(options: { openSignup?: boolean; allowGuests?: boolean } = {}): Promise<{ id: string; slug: string }> {
    const slug = `org-${randomUUID().slice(0, 8)}`;
    return new OrganizationsRepository(this.prisma).create({ slug, name: slug, ...options });
  }

  async user(organizationId: string, role: Role = 'learner', extra: { externalId?: string } = {}): Promise<{ id: string; email: string }> {
    const email = `${role}-${randomUUID().slice(0, 8)}@example.test`;
    const user = await new UsersRepository(this.prisma).create(organizationId, {
      email,
      role,
      passwordHash: await hashPassword(PASSWORD),
      ...extra,
    });
    return { id: user.id, email };
  }

  async key(organizationId: string, scopes: ApiKeyScope[]): Promise<{ id: string; key: string }> {
    return createApiKey(new ApiKeysRepository(this.prisma), organizationId, 'test', scopes, null);
  }

  query<T = Record<string, unknown>>(sql: string, ...values: unknown[]): Promise<T[]> {
    return this.prisma.$queryRawUnsafe<T[]>(sql, ...values);
  }
}

export async function signIn(baseUrl: string, organization: string, email: string, password = PASSWORD): Promise<Caller> {
  const caller: Caller = {};
  const response = await call(baseUrl, 'POST', '/auth/sign-in', { caller, body: { organization, email, password } });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}: ${JSON.stringify(response.body)}`);
  return caller;
}

export const keyCaller = (apiKey: string): Caller => ({ apiKey });
