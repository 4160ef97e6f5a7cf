// Prisma 7 keeps schema, migrations and the database URL here. The CLI's migrate commands need
// a schema engine that cannot be downloaded on our machines; scripts/migrate.js applies the same
// migrations and records them in Prisma's own _prisma_migrations table.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres:postgres@127.0.0.1:5432/asynclab',
  },
});
