// Fills a cohort with realistic activity, written straight to PostgreSQL (no sandbox runs): the
// demo (`npm run demo:seed`), the dashboard benchmark and the browser tests' set-up use it. Each
// learner has a skill; per assignment they make a few attempts, failing ones carry the lab's own
// diagnostic code (the bug it teaches), most end in a pass, some stay stuck on the same code,
// some pass after the due date. A seeded random generator makes every run the same.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { loadCatalog, syncLabVersion, type LoadedLab } from '@asynclab/lab-catalog';
import { CohortsRepository, LabsRepository, OrganizationsRepository, PrismaService, UsersRepository } from '@asynclab/database';
import { DIAGNOSTIC_CHAPTERS, type DiagnosticCode } from '@asynclab/contracts';
import { hashPassword } from '../../apps/api/src/auth/secrets';

const DAY = 86_400_000;

export interface SeedOptions {
  organizationSlug: string;
  learners: number;
  assignments: number;
  /** Roughly how many submissions in all; attempts per cell are drawn around the mean it implies. */
  submissions: number;
  password: string;
  /** Fixes the random choices. */
  seed?: number;
  /** The last day of activity (default: now). */
  now?: Date;
}

export interface SeededCohort {
  organizationId: string;
  organizationSlug: string;
  cohortId: string;
  joinCode: string;
  instructorEmail: string;
  learnerEmails: string[];
  submissions: number;
}

/** Mulberry32: small, fast, deterministic. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'Ada',
  'Grace',
  'Linus',
  'Barbara',
  'Ken',
  'Margaret',
  'Dennis',
  'Frances',
  'Guido',
  'Radia',
  'Edsger',
  'Hedy',
  'Alan',
  'Katherine',
  'Niklaus',
  'Sophie',
  'Tim',
  'Anita',
  'Yukihiro',
  'Joan',
];

interface SeedLab {
  id: string;
  versionId: string;
  code: DiagnosticCode | null;
  file: string;
  starter: string;
  solution: string;
}

/** The real labs, synced like the service does at start; extra synthetic labs when more are asked for. */
async function seedLabs(prisma: PrismaService, count: number): Promise<SeedLab[]> {
  const repository = new LabsRepository(prisma);
  const loaded = loadCatalog(join(__dirname, '..', '..', 'labs')).filter((lab) => lab.content.manifest.kind !== 'playground');
  const labs: SeedLab[] = [];
  for (const lab of loaded) labs.push(await syncOne(repository, lab));
  for (let i = 0; labs.length < count; i++) {
    const base = loaded[i % loaded.length];
    const manifest = {
      ...base.content.manifest,
      id: `${base.content.manifest.id}-copy-${i + 1}`,
      title: `${base.content.manifest.title} (again)`,
    };
    labs.push(await syncOne(repository, { ...base, content: { ...base.content, manifest } }));
  }
  return labs.slice(0, count);
}

async function syncOne(repository: LabsRepository, lab: LoadedLab): Promise<SeedLab> {
  const { manifest } = lab.content;
  const versionId = await syncLabVersion(repository, lab);
  const file = manifest.editable[0];
  const exhibits: DiagnosticCode[] = manifest.exhibits;
  return {
    id: manifest.id,
    versionId,
    code: exhibits.length ? exhibits[0] : null,
    file,
    starter: lab.content.starter[file],
    solution: file in lab.content.solution ? lab.content.solution[file] : lab.content.starter[file],
  };
}

export async function seedCohortActivity(prisma: PrismaService, options: SeedOptions): Promise<SeededCohort> {
  const rand = random(options.seed ?? 13);
  const now = options.now ?? new Date();
  const start = new Date(now.getTime() - 16 * DAY);
  const labs = await seedLabs(prisma, options.assignments);
  const passwordHash = await hashPassword(options.password);

  const organizations = new OrganizationsRepository(prisma);
  const org =
    (await prisma.organization.findUnique({ where: { slug: options.organizationSlug } })) ??
    (await organizations.create({ slug: options.organizationSlug, name: `${options.organizationSlug} (demo)` }));
  const tag = randomUUID().slice(0, 6);
  const users = new UsersRepository(prisma);
  const instructorEmail = `instructor-${tag}@${options.organizationSlug}.example`;
  const instructor = await users.create(org.id, {
    email: instructorEmail,
    role: 'instructor',
    passwordHash,
    displayName: 'Ines Instructor',
  });
  const cohorts = new CohortsRepository(prisma);
  const cohort = await cohorts.create(org.id, `Asyncio workshop ${tag}`, instructor.id);

  const learnerRows = await Promise.all(
    Array.from({ length: options.learners }, (_, i) =>
      users.create(org.id, {
        email: `learner-${i + 1}-${tag}@${options.organizationSlug}.example`,
        role: 'learner',
        passwordHash,
        displayName: `${NAMES[i % NAMES.length]} ${String.fromCharCode(65 + (Math.floor(i / NAMES.length) % 26))}.`,
        externalId: `ext-${tag}-${i + 1}`,
      }),
    ),
  );
  await prisma.cohortMember.createMany({ data: learnerRows.map((l) => ({ cohortId: cohort.id, userId: l.id, joinedAt: start })) });

  // Assignments one after another over about two weeks, the last ones still open; a third of
  // them with a late penalty.
  const assignments = labs.map((lab, i) => {
    const opensAt = new Date(start.getTime() + (i * 20 * DAY) / labs.length);
    return { id: randomUUID(), lab, opensAt, dueAt: new Date(opensAt.getTime() + 7 * DAY), latePolicy: i % 3 === 2 ? 'penalty' : 'accept' };
  });
  await prisma.cohortAssignment.createMany({
    data: assignments.map((a) => ({
      id: a.id,
      cohortId: cohort.id,
      labId: a.lab.id,
      opensAt: a.opensAt,
      dueAt: a.dueAt,
      latePolicy: a.latePolicy,
      latePenaltyPerDay: a.latePolicy === 'penalty' ? 10 : 0,
    })),
  });

  // First who started what and how hard they found it, then the attempts per cell scaled so the
  // total comes out near options.submissions however many cells were left unstarted.
  const cells: Array<{
    learner: (typeof learnerRows)[number];
    a: (typeof assignments)[number];
    stuck: boolean;
    late: boolean;
    weight: number;
    open: number;
  }> = [];
  for (const learner of learnerRows) {
    const skill = rand();
    for (const a of assignments) {
      // An assignment that opened lately has fewer learners started on it yet.
      const open = now.getTime() - 60_000 - a.opensAt.getTime();
      if (open <= 0 || rand() < 0.08 * (1 - skill) + (open < 3 * DAY ? 0.5 : 0)) continue; // not started
      const stuck = skill < 0.25 && rand() < 0.35;
      cells.push({ learner, a, stuck, late: rand() < 0.12, weight: (0.4 + 1.2 * rand()) * (stuck ? 1.5 : 1), open });
    }
  }
  const meanAttempts =
    options.submissions /
    Math.max(
      1,
      cells.reduce((sum, c) => sum + c.weight, 0),
    );
  const submissions: object[] = [];
  const runs: object[] = [];
  const diagnostics: object[] = [];
  for (const { learner, a, stuck, late, weight, open } of cells) {
    const attempts = Math.max(1, Math.round(meanAttempts * weight));
    const span = Math.min((late ? 9 : 6.5) * DAY, open);
    let at = a.opensAt.getTime() + rand() * Math.min(DAY, open / 4);
    for (let n = 0; n < attempts; n++) {
      at = Math.min(at + (rand() * span) / attempts, now.getTime() - 60_000);
      const passes = !stuck && n === attempts - 1 && rand() < 0.9;
      const id = randomUUID();
      const createdAt = new Date(at);
      const score = passes ? 100 : Math.round(30 + rand() * 40);
      submissions.push({
        id,
        labId: a.lab.id,
        labVersionId: a.lab.versionId,
        organizationId: org.id,
        userId: learner.id,
        learnerId: learner.id,
        files: { [a.lab.file]: passes ? a.lab.solution : a.lab.starter },
        status: 'completed',
        enqueuedAt: createdAt,
        attempts: 1,
        outcome: passes ? 'pass' : 'fail',
        score,
        createdAt,
        startedAt: createdAt,
        finishedAt: new Date(at + 2500),
      });
      const runId = randomUUID();
      runs.push({
        id: runId,
        submissionId: id,
        variant: 'main',
        outcome: passes ? 'pass' : 'fail',
        counts: {},
        stdoutTail: '',
        stderrTail: '',
        outputTruncated: false,
        timings: {},
      });
      // A stuck learner repeats the lab's bug; others sometimes make a different mistake first.
      const code = !passes && a.lab.code ? (stuck || rand() < 0.8 ? a.lab.code : 'blocking-call') : null;
      if (code) diagnostics.push(diagnosticRow(runId, code, a.lab.file));
    }
  }
  for (let i = 0; i < submissions.length; i += 2000) {
    await prisma.submission.createMany({ data: submissions.slice(i, i + 2000) as never });
    await prisma.run.createMany({ data: runs.slice(i, i + 2000) as never });
  }
  for (let i = 0; i < diagnostics.length; i += 2000) await prisma.diagnostic.createMany({ data: diagnostics.slice(i, i + 2000) as never });
  // Fresh statistics, as autovacuum would soon have them, so the planner sees the real sizes.
  for (const table of ['submissions', 'runs', 'diagnostics', 'cohort_members', 'cohort_assignments'])
    await prisma.$executeRawUnsafe(`ANALYZE ${table}`);

  return {
    organizationId: org.id,
    organizationSlug: options.organizationSlug,
    cohortId: cohort.id,
    joinCode: cohort.joinCode,
    instructorEmail,
    learnerEmails: learnerRows.map((l) => l.email ?? ''),
    submissions: submissions.length,
  };
}

function diagnosticRow(runId: string, code: DiagnosticCode, file: string): object {
  return {
    id: randomUUID(),
    runId,
    position: 0,
    code,
    severity: 'error',
    message: `${code} (seeded demo activity)`,
    file,
    line: 1,
    evidence: '',
    explanation: 'Seeded demo activity: this attempt is not a real run.',
    hint: 'Open the lab and run it to see the real report.',
    chapter: DIAGNOSTIC_CHAPTERS[code][0] ?? null,
    source: 'runtime',
  };
}
