// `npm run db:migrate`: creates the database if needed and applies prisma/migrations.
import { errorMessage, loadAppConfig } from '@asynclab/config';
import { applyMigrations, ensureDatabase } from './migrate';

async function main(): Promise<void> {
  const config = loadAppConfig();
  await ensureDatabase(config.databaseUrl);
  const result = await applyMigrations(config.databaseUrl, config.migrationsDir);
  console.log(`db:migrate: applied ${result.applied.length}, already applied ${result.alreadyApplied.length}`);
}

main().catch((error: unknown) => {
  console.error(`db:migrate: ${errorMessage(error)}`);
  process.exit(1);
});
