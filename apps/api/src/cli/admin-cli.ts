// `npm run admin -- <command> [--flag value ...]`: drives a fresh install far enough that the rest
// happens over the API (an organisation, its first admin, an LMS key). Prints one JSON object.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadAppConfig } from '@asynclab/config';
import {
  API_KEY_SCOPES,
  ApiKeyScope,
  ApiKeysRepository,
  applyMigrations,
  ensureDatabase,
  LtiKeysRepository,
  OrganizationsRepository,
  PrismaService,
  UsersRepository,
} from '@asynclab/database';
import { LtiKeyStore } from '@asynclab/lti';
import { createApiKey } from '../api-keys/api-keys.service';
import { hashPassword } from '../auth/secrets';
import { PASSWORD_MIN } from '../auth/dto/auth.dto';

const USAGE = `usage:
  npm run admin -- create-org --slug acme --name "Acme Training" [--open-signup] [--allow-guests]
  npm run admin -- create-admin --org acme --email admin@acme.test --password '<at least ${PASSWORD_MIN} characters>'
  npm run admin -- create-key --org acme --name "LMS" --scopes read,submit,manage
  npm run admin -- revoke-key --org acme --prefix <the 12 characters after alk_>
  npm run admin -- lti-rotate-key   (a new LTI signing key; the previous one stays in the JWKS for LTI_KEY_OVERLAP_DAYS)`;

class UsageError extends Error {}

async function main(argv: string[]): Promise<unknown> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      scopes: { type: 'string' },
      prefix: { type: 'string' },
      'open-signup': { type: 'boolean' },
      'allow-guests': { type: 'boolean' },
    },
  });
  const need = (flag: keyof typeof values): string => {
    const value = values[flag];
    if (typeof value !== 'string' || !value) throw new UsageError(`${command} needs --${flag}`);
    return value;
  };
  const config = loadAppConfig();
  await ensureDatabase(config.databaseUrl);
  await applyMigrations(config.databaseUrl, config.migrationsDir);
  const prisma = new PrismaService(config);
  const organizations = new OrganizationsRepository(prisma);
  const orgBySlug = async () => {
    const organization = await organizations.findBySlug(need('org'));
    if (!organization) throw new UsageError(`no organisation has the slug "${values.org}"; create it with create-org`);
    return organization;
  };
  try {
    switch (command) {
      case 'create-org': {
        const slug = need('slug');
        if (!/^[a-z0-9][a-z0-9-]{0,59}$/.test(slug)) throw new UsageError('--slug must be lower-case letters, digits and -');
        return await organizations.create({
          slug,
          name: need('name'),
          openSignup: values['open-signup'] ?? false,
          allowGuests: values['allow-guests'] ?? false,
        });
      }
      case 'create-admin': {
        const organization = await orgBySlug();
        const password = need('password');
        if (password.length < PASSWORD_MIN) throw new UsageError(`--password must be at least ${PASSWORD_MIN} characters`);
        const user = await new UsersRepository(prisma).create(organization.id, {
          email: need('email'),
          passwordHash: await hashPassword(password),
          role: 'admin',
        });
        return { id: user.id, organization: organization.slug, email: user.email, role: user.role };
      }
      case 'create-key': {
        const organization = await orgBySlug();
        const scopes = need('scopes')
          .split(',')
          .map((scope) => scope.trim());
        const unknown = scopes.filter((scope) => !API_KEY_SCOPES.includes(scope as ApiKeyScope));
        if (unknown.length) throw new UsageError(`unknown scope ${unknown.join(', ')}; use ${API_KEY_SCOPES.join(', ')}`);
        return await createApiKey(new ApiKeysRepository(prisma), organization.id, need('name'), scopes as ApiKeyScope[], null);
      }
      case 'revoke-key': {
        const organization = await orgBySlug();
        const keys = new ApiKeysRepository(prisma);
        const key = await keys.findByPrefix(need('prefix'));
        if (!key || key.organizationId !== organization.id) throw new UsageError('no such key in this organisation');
        return { revoked: await keys.revoke(organization.id, key.id) };
      }
      case 'lti-rotate-key':
        return await new LtiKeyStore(new LtiKeysRepository(prisma), config).rotate();
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'name a command');
    }
  } finally {
    await prisma.$disconnect();
  }
}

main(process.argv.slice(2)).then(
  (result) => {
    console.log(JSON.stringify(result, null, 2));
  },
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof UsageError ? `admin: ${message}\n${USAGE}` : `admin: ${message}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
