// This worker's entry in the fleet list (libs/jobs/src/worker-registry.ts): who it is (name,
// host, pid), how much it takes, what it runs and which Docker engine it runs it on, refreshed
// every heartbeat with a TTL of three, so a dead worker drops off the list by itself.
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { hostname } from 'node:os';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { WORKER_RECORD_PREFIX, WorkerRecord } from '@asynclab/jobs';
import { DOCKER_ENGINE_ID, SandboxOwnerService } from '@asynclab/sandbox';
import { RunningJobs } from './running-jobs';

const HEARTBEAT_MS = 2_000;
const TTL_MS = 3 * HEARTBEAT_MS;

@Injectable()
export class WorkerHeartbeatService implements OnModuleDestroy {
  private readonly logger = new Logger(WorkerHeartbeatService.name);
  private readonly startedAt = new Date().toISOString();
  private timer?: NodeJS.Timeout;
  private draining = false;
  private readonly redis: Redis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DOCKER_ENGINE_ID) private readonly dockerEngine: string,
    private readonly owner: SandboxOwnerService,
    private readonly running: RunningJobs,
    connections: RedisConnections,
  ) {
    this.redis = connections.commands;
  }

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
  }

  /** Shown on the status page while the worker finishes or hands back its runs. */
  async markDraining(): Promise<void> {
    this.draining = true;
    await this.beat();
  }

  record(): WorkerRecord {
    return {
      id: this.owner.ownerId,
      name: this.config.worker.name,
      host: hostname(),
      pid: process.pid,
      concurrency: this.config.worker.concurrency,
      dockerEngine: this.dockerEngine,
      runningJobs: this.running.list(),
      startedAt: this.startedAt,
      lastHeartbeat: new Date().toISOString(),
      draining: this.draining,
    };
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.del(WORKER_RECORD_PREFIX + this.owner.ownerId).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.redis.set(WORKER_RECORD_PREFIX + this.owner.ownerId, JSON.stringify(this.record()), 'PX', TTL_MS).catch((error: unknown) => {
      this.logger.warn(`worker heartbeat failed: ${(error as Error).message}`);
    });
  }
}
