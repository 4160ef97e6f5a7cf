// This worker's identity on its sandbox containers, kept alive in Redis by a heartbeat. A
// container whose owner's heartbeat has lapsed belongs to a dead worker and is reaped.
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { hostname } from 'node:os';
import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig, errorMessage, RedisConnections } from '@asynclab/config';

import { OWNER_KEY_PREFIX as KEY_PREFIX, WorkerSandboxStatus } from './worker-status';

const HEARTBEAT_MS = 2_000;
/** Three missed heartbeats and the owner counts as dead. */
const TTL_MS = 3 * HEARTBEAT_MS;

@Injectable()
export class SandboxOwnerService implements OnModuleDestroy {
  readonly ownerId = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  /** Where the heartbeats live, named without the URL's secrets. */
  readonly namespace: string;
  private readonly logger = new Logger(SandboxOwnerService.name);
  private readonly redis: Redis;
  private timer?: NodeJS.Timeout;
  private status: () => WorkerSandboxStatus | null = () => null;

  constructor(@Inject(APP_CONFIG) config: AppConfig, connections: RedisConnections) {
    this.namespace = createHash('sha256').update(config.redisUrl).digest('hex').slice(0, 12);
    this.redis = connections.commands;
  }

  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => void this.beat(), HEARTBEAT_MS);
  }

  /** What each heartbeat says about this worker's sandboxes (GET /api/v1/health shows it). */
  reportStatus(status: () => WorkerSandboxStatus): void {
    this.status = status;
  }

  async isAlive(ownerId: string): Promise<boolean> {
    if (ownerId === this.ownerId) return true;
    return (await this.redis.exists(KEY_PREFIX + ownerId)) === 1;
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.del(KEY_PREFIX + this.ownerId).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.redis.set(KEY_PREFIX + this.ownerId, JSON.stringify(this.status() ?? {}), 'PX', TTL_MS).catch((error: unknown) => {
      this.logger.warn(`heartbeat failed: ${errorMessage(error)}`);
    });
  }
}
