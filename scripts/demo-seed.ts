// `npm run demo:seed`: a cohort with two weeks of realistic activity in the service's own
// database (DATABASE_URL), so a new user sees the instructor dashboard populated. Prints how to
// sign in. Run it again for another cohort beside the first.
import { join } from 'node:path';
import { loadAppConfig } from '@asynclab/config';
import { applyMigrations, ensureDatabase, PrismaService } from '@asynclab/database';
import { seedCohortActivity } from './seed/cohort-activity';

const SLUG = process.env.DEMO_ORGANIZATION ?? 'demo';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'demo password 2026';

async function main(): Promise<void> {
  const config = loadAppConfig();
  await ensureDatabase(config.databaseUrl);
  await applyMigrations(config.databaseUrl, join(__dirname, '..', 'prisma', 'migrations'));
  const prisma = new PrismaService(config);
  try {
    const seeded = await seedCohortActivity(prisma, {
      organizationSlug: SLUG,
      learners: 24,
      assignments: 5,
      submissions: 420,
      password: PASSWORD,
    });
    console.log(`Seeded cohort ${seeded.cohortId}: 24 learners, 5 assignments, ${seeded.submissions} submissions.`);
    console.log(`Sign in at /sign-in?organization=${SLUG} as ${seeded.instructorEmail} with the password "${PASSWORD}",`);
    console.log(`then open /cohorts/${seeded.cohortId}. Learners join with /join/${seeded.joinCode}.`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
