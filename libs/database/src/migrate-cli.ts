// `npm run db:migrate`: creates the database if needed and applies prisma/migrations.
import { loadAppConfig } from '@asynclab/config';
import { applyMigrations, ensureDatabase } from './migrate';

async function main(): Promise<void> {
  const config = loadAppConfig();
  await ensureDatabase(config.databaseUrl);
  const result = await applyMigrations(config.databaseUrl, config.migrationsDir);
  console.log(`db:migrate: applied ${result.applied.length}, already applied ${result.alreadyApplied.length}`);
}

main().catch((error: Error) => {
  console.error(`db:migrate: ${error.message}`);
  process.exit(1);
});
