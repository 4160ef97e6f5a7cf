// What a worker does on SIGTERM (a deploy, `docker compose stop`, scaling down): stop taking
// jobs, let the running ones finish within the grace period, hand back those that do not (the
// sandbox is killed, the job goes straight back to waiting with no attempt spent, the submission
// shows as queued again), then remove every container it owns. The process then exits 0.
import { Inject, Injectable, Logger } from '@nestjs/common';
import Docker from 'dockerode';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { DOCKER, OWNER_LABEL, SANDBOX_DRIVER, SANDBOX_LABEL, SandboxDriver, SandboxOwnerService } from '@asynclab/sandbox';
import { WorkerHeartbeatService } from '../fleet/worker-heartbeat.service';
import { SubmissionConsumer } from '../runs/submission-consumer';

export type DrainOutcome = 'finished' | 'handed-back';

@Injectable()
export class WorkerShutdownService {
  private readonly logger = new Logger('worker');
  private draining?: Promise<DrainOutcome>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SANDBOX_DRIVER) private readonly sandbox: SandboxDriver,
    @Inject(DOCKER) private readonly docker: Docker,
    private readonly consumer: SubmissionConsumer,
    private readonly heartbeat: WorkerHeartbeatService,
    private readonly owner: SandboxOwnerService,
  ) {}

  /** Idempotent: a second signal waits for the first drain. */
  drain(): Promise<DrainOutcome> {
    this.draining ??= this.drainOnce();
    return this.draining;
  }

  private async drainOnce(): Promise<DrainOutcome> {
    const graceMs = this.config.worker.shutdownGraceMs;
    this.logger.log(`shutting down: no new jobs; running ones get ${graceMs / 1000} s to finish`);
    await this.heartbeat.markDraining();
    const finished = await this.consumer.drain(graceMs);
    if (!finished) this.logger.warn('the grace period ran out: the running jobs were handed back to the queue');
    await this.sandbox.close();
    const removed = await this.removeOwnContainers();
    this.logger.log(`drained (${finished ? 'every run finished' : 'runs handed back'}); removed ${removed} container(s)`);
    return finished ? 'finished' : 'handed-back';
  }

  private async removeOwnContainers(): Promise<number> {
    const mine = await this.docker
      .listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`, `${OWNER_LABEL}=${this.owner.ownerId}`] } })
      .catch(() => []);
    await Promise.all(
      mine.map((info) =>
        this.docker
          .getContainer(info.Id)
          .remove({ force: true, v: true })
          .catch(() => undefined),
      ),
    );
    return mine.length;
  }
}
