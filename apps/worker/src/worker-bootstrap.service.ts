// Starts the consumer only once it can do its job: the sandbox image exists (else the worker
// refuses to start, saying how to build it), and containers orphaned by a crashed worker are gone.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig, RedisConnections } from '@asynclab/config';
import { warnIfRedisUnsafe } from '@asynclab/jobs';
import { SANDBOX_DRIVER, SandboxDriver, SandboxOwnerService, SandboxReaper } from '@asynclab/sandbox';
import { SubmissionConsumer } from './runs/submission-consumer';
import { WorkerHeartbeatService } from './fleet/worker-heartbeat.service';

const REAP_INTERVAL_MS = 10_000;

@Injectable()
export class WorkerBootstrap implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkerBootstrap.name);
  private reapTimer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SANDBOX_DRIVER) private readonly sandbox: SandboxDriver,
    private readonly reaper: SandboxReaper,
    private readonly owner: SandboxOwnerService,
    private readonly consumer: SubmissionConsumer,
    private readonly heartbeat: WorkerHeartbeatService,
    private readonly redis: RedisConnections,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sandbox.assertReady();
    const { image, runtime } = this.config.sandbox;
    this.owner.reportStatus(() => ({ image, runtime, pool: this.sandbox.poolState() }));
    await this.owner.start();
    await this.heartbeat.start();
    void warnIfRedisUnsafe(this.redis.commands, (warning) => {
      this.logger.warn(warning);
    });
    await this.reap();
    this.reapTimer = setInterval(() => void this.reap(), REAP_INTERVAL_MS);
    this.sandbox.warm();
    this.consumer.start();
    this.logger.log(`consuming with concurrency ${this.consumer.concurrency}, sandbox ${this.config.sandbox.image}`);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.reapTimer);
    await this.sandbox.close();
  }

  private async reap(): Promise<void> {
    try {
      const removed = await this.reaper.reap();
      if (removed.length > 0) this.logger.warn(`removed ${removed.length} orphaned sandbox container(s)`);
    } catch (error) {
      this.logger.warn(`reaping sandboxes failed: ${(error as Error).message}`);
    }
  }
}
