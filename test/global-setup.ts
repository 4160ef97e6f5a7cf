// Runs once before the e2e tests: the services are up (scripts/test.sh provisioned them), so make
// the test database fresh, apply the migrations exactly as production does, and empty the Redis db.
import { join } from 'node:path';
import { Client } from 'pg';
import Redis from 'ioredis';
import { applyMigrations, ensureDatabase } from '../libs/database/src/migrate';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './e2e-env';

export default async function globalSetup(): Promise<void> {
  await ensureDatabase(TEST_DATABASE_URL);
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
  await applyMigrations(TEST_DATABASE_URL, join(__dirname, '../prisma/migrations'));
  const redis = new Redis(TEST_REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
}
