// Tells a failed run apart from an outage: when the Docker engine or PostgreSQL does not answer
// right after a run failed, the failure was theirs, not the run's. The processor then puts the
// job back for later without spending one of its attempts, so an engine restart or a database
// failover longer than the retry backoff never ends a learner's submission as infra-error.
import { Inject, Injectable } from '@nestjs/common';
import Docker from 'dockerode';
import { PrismaService } from '@asynclab/database';
import { DOCKER } from '@asynclab/sandbox';

const PROBE_TIMEOUT_MS = 2_000;

@Injectable()
export class InfraOutageProbe {
  constructor(
    @Inject(DOCKER) private readonly docker: Docker,
    private readonly prisma: PrismaService,
  ) {}

  /** What is down now, or null when both answer. */
  async outage(): Promise<string | null> {
    const [docker, database] = await Promise.all([answers(this.docker.ping()), answers(this.prisma.$queryRaw`SELECT 1`)]);
    if (!docker) return 'the Docker engine does not answer';
    if (!database) return 'PostgreSQL does not answer';
    return null;
  }
}

function answers(probe: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, PROBE_TIMEOUT_MS);
  });
  return Promise.race([
    probe.then(
      () => true,
      () => false,
    ),
    timeout,
  ]).finally(() => {
    clearTimeout(timer);
  });
}
