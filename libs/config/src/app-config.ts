// The whole environment is validated once, here, at boot; everything else reads the typed
// AppConfig (never process.env), so a typo in a variable fails the start, not a request.
import { cpus, hostname } from 'node:os';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bool, cleanEnv, num, port, str, url } from 'envalid';

export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  databaseUrl: string;
  redisUrl: string;
  port: number;
  projectRoot: string;
  labsDir: string;
  migrationsDir: string;
  /** Run the worker inside the API process (the single-machine start). */
  workerInProcess: boolean;
  worker: {
    concurrency: number;
    infraAttempts: number;
    /** How long a SIGTERM'd worker lets running jobs finish before it hands them back to the queue. */
    shutdownGraceMs: number;
    /** The name this worker shows on its containers and in the worker list; default: the host name. */
    name: string;
  };
  sweeper: { intervalMs: number; graceMs: number };
  /** Outbound webhooks (docs/webhooks.md). */
  webhooks: {
    timeoutMs: number;
    /** Attempts per delivery, the first included; with the default backoff they span about a day. */
    maxAttempts: number;
    /** The first retry's delay; each next one is 4 times longer, with jitter. */
    backoffBaseMs: number;
    /** An endpoint whose deliveries end failed this many times in a row is disabled. */
    disableAfterFailedDeliveries: number;
    /** The worker's sweep for deliveries whose job never reached the queue: how often, and how old one must be. */
    sweepIntervalMs: number;
    sweepGraceMs: number;
    /** How long the previous secret still signs after a rotation. */
    rotationOverlapMs: number;
  };
  /** LTI 1.3 (docs/lti.md). */
  lti: {
    /** The origin platforms reach us at (our issuer and the base of every LTI URL we hand out). */
    publicUrl: string;
    /** How far an id_token's iat/exp may be off our clock. */
    clockSkewSeconds: number;
    /** How long a login initiation's state waits for its launch. */
    stateTtlMs: number;
    /** The signing key is replaced once it is this old (0: only by hand). */
    keyMaxAgeMs: number;
    /** How long a replaced key stays in our JWKS, so platforms' caches keep verifying. */
    keyOverlapMs: number;
    /** How long a one-time token that opens a launch in a new window stays valid. */
    launchTokenTtlMs: number;
    /** Refuse a launch bound to the browser neither by the login's state cookie nor by the platform's client-side storage. */
    requireBrowserBinding: boolean;
  };
  /** LTI Advantage services: grade passback (AGS) and roster sync (NRPS), docs/lti-grades.md. */
  ltiServices: {
    /** One request to a platform (token, line items, scores, one roster page). */
    timeoutMs: number;
    /** Attempts per grade sync, the first included. */
    gradeMaxAttempts: number;
    /** The first retry's delay; each next one is 4 times longer, with jitter. */
    gradeBackoffBaseMs: number;
    /** Roster pages followed at most (Link rel="next"). */
    rosterMaxPages: number;
    /** The worker's sweep for pending grade syncs with no job in Redis: how often, and how long since their request. */
    gradeSweepIntervalMs: number;
    gradeSweepGraceMs: number;
    /** How often every context with a names and roles service is synced by the worker; 0: never (launches and requests only). */
    rosterSyncIntervalMs: number;
    /** Attempts per scheduled roster sync, the first included, and the first retry's delay (x4 per retry, with jitter). */
    rosterSyncMaxAttempts: number;
    rosterSyncBackoffBaseMs: number;
  };
  auth: {
    sessionTtlMs: number;
    guestSessionTtlMs: number;
    /** 'auto': Secure exactly when the request came over HTTPS. */
    cookieSecure: 'auto' | 'always' | 'never';
    signIn: { perAccount: number; perIp: number; windowMs: number };
  };
  rateLimit: {
    /** Requests per minute for one API key, user or (anonymous) IP address. */
    perMinute: number;
    /** Submissions per minute for one learner. */
    submissionsPerMinute: number;
  };
  /** Re-queues submissions PostgreSQL still waits for but BullMQ no longer holds (docs/operations.md). */
  reconciler: { intervalMs: number; graceMs: number };
  /** Submits handled at once by one API process; more are refused with 429 and Retry-After. */
  submitMaxInFlight: number;
  sandbox: {
    dockerSocket: string;
    /** The Docker engine this worker runs sandboxes on (tcp://host:2376); empty: the local socket. */
    docker: DockerEndpoint;
    /** Sandboxes at once on one Docker engine across every worker using it; 0: no cap beyond concurrency. */
    maxPerDockerHost: number;
    image: string;
    harnessVersion: string;
    memoryMb: number;
    pids: number;
    cpus: number;
    tmpfsMb: number;
    outputCapBytes: number;
    /** The OCI runtime of the sandbox containers: runc, or runsc (gVisor, provisioned when asked for). */
    runtime: string;
    /** Warm sandboxes (libs/sandbox/src/warm-sandbox-pool.ts); size 0 starts a container per run. */
    pool: { size: number; idleTimeoutMs: number; recycleAgeMs: number };
  };
}

export interface DockerEndpoint {
  host: string;
  tlsVerify: boolean;
  certPath: string;
}

export function readHarnessVersion(projectRoot: string): string {
  const source = readFileSync(join(projectRoot, 'sandboxes/python/asynclab_harness/version.py'), 'utf8');
  const match = /^HARNESS_VERSION = "([^"]+)"/m.exec(source);
  if (!match) throw new Error('sandboxes/python/asynclab_harness/version.py has no HARNESS_VERSION');
  return match[1];
}

export function loadAppConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = cleanEnv(environment, {
    DATABASE_URL: url({ default: 'postgresql://postgres:postgres@127.0.0.1:5432/asynclab' }),
    REDIS_URL: url({ default: 'redis://127.0.0.1:6379' }),
    PORT: port({ default: 3000 }),
    ASYNCLAB_ROOT: str({ default: '' }),
    LABS_DIR: str({ default: '' }),
    WORKER_IN_PROCESS: bool({ default: true }),
    WORKER_CONCURRENCY: num({ default: cpus().length }),
    WORKER_INFRA_ATTEMPTS: num({ default: 4 }),
    SWEEPER_INTERVAL_MS: num({ default: 5_000 }),
    SWEEPER_GRACE_MS: num({ default: 2_000 }),
    SESSION_TTL_HOURS: num({ default: 24 * 14 }),
    GUEST_SESSION_TTL_DAYS: num({ default: 180 }),
    COOKIE_SECURE: str({ choices: ['auto', 'always', 'never'], default: 'auto' }),
    SIGN_IN_LIMIT_PER_ACCOUNT: num({ default: 5 }),
    SIGN_IN_LIMIT_PER_IP: num({ default: 50 }),
    SIGN_IN_WINDOW_SECONDS: num({ default: 15 * 60 }),
    RATE_LIMIT_PER_MINUTE: num({ default: 600 }),
    SUBMISSIONS_PER_MINUTE: num({ default: 20 }),
    WORKER_SHUTDOWN_GRACE_MS: num({ default: 20_000 }),
    WORKER_NAME: str({ default: '' }),
    RECONCILER_INTERVAL_MS: num({ default: 10_000 }),
    RECONCILER_GRACE_MS: num({ default: 15_000 }),
    SUBMIT_MAX_IN_FLIGHT: num({ default: 200 }),
    DOCKER_SOCKET: str({ default: '/var/run/docker.sock' }),
    DOCKER_HOST: str({ default: '' }),
    DOCKER_TLS_VERIFY: str({ default: '' }),
    DOCKER_CERT_PATH: str({ default: '' }),
    SANDBOX_MAX_PER_DOCKER_HOST: num({ default: 0 }),
    SANDBOX_IMAGE: str({ default: '' }),
    SANDBOX_MEMORY_MB: num({ default: 256 }),
    SANDBOX_PIDS: num({ default: 128 }),
    SANDBOX_CPUS: num({ default: 1 }),
    SANDBOX_TMPFS_MB: num({ default: 64 }),
    SANDBOX_OUTPUT_CAP_BYTES: num({ default: 4 * 1024 * 1024 }),
    SANDBOX_RUNTIME: str({ default: 'runc', choices: ['runc', 'runsc'] }),
    // Warm single-use sandboxes (docs/sandbox-pool.md); false: each run starts its own container.
    SANDBOX_POOL: bool({ default: true }),
    /** 0: one per unit of worker concurrency. */
    SANDBOX_POOL_SIZE: num({ default: 0 }),
    SANDBOX_POOL_IDLE_TIMEOUT_MS: num({ default: 10 * 60_000 }),
    SANDBOX_POOL_RECYCLE_AGE_MS: num({ default: 5 * 60_000 }),
    WEBHOOK_TIMEOUT_MS: num({ default: 10_000 }),
    WEBHOOK_MAX_ATTEMPTS: num({ default: 8 }),
    WEBHOOK_BACKOFF_BASE_MS: num({ default: 20_000 }),
    WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES: num({ default: 5 }),
    WEBHOOK_SWEEP_INTERVAL_MS: num({ default: 15_000 }),
    WEBHOOK_SWEEP_GRACE_MS: num({ default: 30_000 }),
    WEBHOOK_ROTATION_OVERLAP_HOURS: num({ default: 24 }),
    LTI_PUBLIC_URL: str({ default: '' }),
    LTI_CLOCK_SKEW_SECONDS: num({ default: 60 }),
    LTI_STATE_TTL_SECONDS: num({ default: 600 }),
    LTI_KEY_MAX_AGE_DAYS: num({ default: 90 }),
    LTI_KEY_OVERLAP_DAYS: num({ default: 7 }),
    LTI_LAUNCH_TOKEN_TTL_SECONDS: num({ default: 120 }),
    LTI_SERVICE_TIMEOUT_MS: num({ default: 10_000 }),
    LTI_GRADE_MAX_ATTEMPTS: num({ default: 8 }),
    LTI_GRADE_BACKOFF_BASE_MS: num({ default: 20_000 }),
    LTI_ROSTER_MAX_PAGES: num({ default: 50 }),
    LTI_GRADE_SWEEP_INTERVAL_MS: num({ default: 15_000 }),
    LTI_GRADE_SWEEP_GRACE_MS: num({ default: 30_000 }),
    // Fractions are taken (0.05 is 3 s, for tests); 0 turns the scheduled roster sync off.
    LTI_ROSTER_SYNC_INTERVAL_MINUTES: num({ default: 360 }),
    LTI_ROSTER_SYNC_MAX_ATTEMPTS: num({ default: 4 }),
    LTI_ROSTER_SYNC_BACKOFF_BASE_MS: num({ default: 60_000 }),
    LTI_REQUIRE_BROWSER_BINDING: bool({ default: false }),
  });
  const projectRoot = env.ASYNCLAB_ROOT ? resolve(env.ASYNCLAB_ROOT) : findProjectRoot();
  const harnessVersion = readHarnessVersion(projectRoot);
  return {
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    port: env.PORT,
    projectRoot,
    labsDir: env.LABS_DIR ? resolve(env.LABS_DIR) : join(projectRoot, 'labs'),
    migrationsDir: join(projectRoot, 'prisma/migrations'),
    workerInProcess: env.WORKER_IN_PROCESS,
    worker: {
      concurrency: Math.max(1, env.WORKER_CONCURRENCY),
      infraAttempts: Math.max(1, env.WORKER_INFRA_ATTEMPTS),
      shutdownGraceMs: Math.max(0, env.WORKER_SHUTDOWN_GRACE_MS),
      name: env.WORKER_NAME || hostname(),
    },
    sweeper: { intervalMs: env.SWEEPER_INTERVAL_MS, graceMs: env.SWEEPER_GRACE_MS },
    webhooks: {
      timeoutMs: Math.max(100, env.WEBHOOK_TIMEOUT_MS),
      maxAttempts: Math.max(1, env.WEBHOOK_MAX_ATTEMPTS),
      backoffBaseMs: Math.max(1, env.WEBHOOK_BACKOFF_BASE_MS),
      disableAfterFailedDeliveries: Math.max(1, env.WEBHOOK_DISABLE_AFTER_FAILED_DELIVERIES),
      sweepIntervalMs: Math.max(200, env.WEBHOOK_SWEEP_INTERVAL_MS),
      sweepGraceMs: Math.max(0, env.WEBHOOK_SWEEP_GRACE_MS),
      rotationOverlapMs: Math.max(0, env.WEBHOOK_ROTATION_OVERLAP_HOURS) * 3600_000,
    },
    lti: {
      publicUrl: (env.LTI_PUBLIC_URL || `http://localhost:${String(env.PORT)}`).replace(/\/+$/, ''),
      clockSkewSeconds: Math.min(300, Math.max(0, env.LTI_CLOCK_SKEW_SECONDS)),
      stateTtlMs: Math.max(10, env.LTI_STATE_TTL_SECONDS) * 1000,
      keyMaxAgeMs: Math.max(0, env.LTI_KEY_MAX_AGE_DAYS) * 24 * 3600_000,
      keyOverlapMs: Math.max(0, env.LTI_KEY_OVERLAP_DAYS) * 24 * 3600_000,
      launchTokenTtlMs: Math.max(10, env.LTI_LAUNCH_TOKEN_TTL_SECONDS) * 1000,
      requireBrowserBinding: env.LTI_REQUIRE_BROWSER_BINDING,
    },
    ltiServices: {
      timeoutMs: Math.max(100, env.LTI_SERVICE_TIMEOUT_MS),
      gradeMaxAttempts: Math.max(1, env.LTI_GRADE_MAX_ATTEMPTS),
      gradeBackoffBaseMs: Math.max(1, env.LTI_GRADE_BACKOFF_BASE_MS),
      rosterMaxPages: Math.max(1, env.LTI_ROSTER_MAX_PAGES),
      gradeSweepIntervalMs: Math.max(200, env.LTI_GRADE_SWEEP_INTERVAL_MS),
      gradeSweepGraceMs: Math.max(0, env.LTI_GRADE_SWEEP_GRACE_MS),
      rosterSyncIntervalMs: rosterSyncIntervalMs(env.LTI_ROSTER_SYNC_INTERVAL_MINUTES),
      rosterSyncMaxAttempts: Math.max(1, env.LTI_ROSTER_SYNC_MAX_ATTEMPTS),
      rosterSyncBackoffBaseMs: Math.max(1, env.LTI_ROSTER_SYNC_BACKOFF_BASE_MS),
    },
    auth: {
      sessionTtlMs: env.SESSION_TTL_HOURS * 3600_000,
      guestSessionTtlMs: env.GUEST_SESSION_TTL_DAYS * 24 * 3600_000,
      cookieSecure: env.COOKIE_SECURE,
      signIn: { perAccount: env.SIGN_IN_LIMIT_PER_ACCOUNT, perIp: env.SIGN_IN_LIMIT_PER_IP, windowMs: env.SIGN_IN_WINDOW_SECONDS * 1000 },
    },
    rateLimit: { perMinute: env.RATE_LIMIT_PER_MINUTE, submissionsPerMinute: env.SUBMISSIONS_PER_MINUTE },
    reconciler: { intervalMs: Math.max(500, env.RECONCILER_INTERVAL_MS), graceMs: Math.max(0, env.RECONCILER_GRACE_MS) },
    submitMaxInFlight: Math.max(1, env.SUBMIT_MAX_IN_FLIGHT),
    sandbox: {
      dockerSocket: env.DOCKER_SOCKET,
      // Docker's own variables, so a worker host is configured the way the docker CLI is.
      docker: { host: env.DOCKER_HOST, tlsVerify: ['1', 'true'].includes(env.DOCKER_TLS_VERIFY), certPath: env.DOCKER_CERT_PATH },
      maxPerDockerHost: Math.max(0, env.SANDBOX_MAX_PER_DOCKER_HOST),
      image: env.SANDBOX_IMAGE || `asynclab-sandbox:${harnessVersion}`,
      harnessVersion,
      memoryMb: env.SANDBOX_MEMORY_MB,
      pids: env.SANDBOX_PIDS,
      cpus: env.SANDBOX_CPUS,
      tmpfsMb: env.SANDBOX_TMPFS_MB,
      outputCapBytes: env.SANDBOX_OUTPUT_CAP_BYTES,
      runtime: env.SANDBOX_RUNTIME,
      pool: {
        size: env.SANDBOX_POOL ? Math.max(0, env.SANDBOX_POOL_SIZE || Math.max(1, env.WORKER_CONCURRENCY)) : 0,
        idleTimeoutMs: Math.max(1_000, env.SANDBOX_POOL_IDLE_TIMEOUT_MS),
        recycleAgeMs: Math.max(1_000, env.SANDBOX_POOL_RECYCLE_AGE_MS),
      },
    },
  };
}

/** The checkout's root, whether running from source (ts-jest, ts-node) or from dist/. */
/** 0 or less: off; otherwise at least a second (a shorter slot would only hammer the platforms). */
export function rosterSyncIntervalMs(minutes: number): number {
  return minutes > 0 ? Math.max(1000, Math.round(minutes * 60_000)) : 0;
}

function findProjectRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    try {
      readFileSync(join(dir, 'nest-cli.json'));
      return dir;
    } catch {
      dir = resolve(dir, '..');
    }
  }
  throw new Error('cannot find the project root (nest-cli.json); set ASYNCLAB_ROOT');
}

/** ioredis options from a redis:// URL. */
export function redisOptions(redisUrl: string): { host: string; port: number; password?: string; db?: number; username?: string } {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
  };
}
