// What a worker does on SIGTERM (a deploy, `docker compose stop`, scaling down): stop taking
// jobs, let the running ones finish within the grace period, hand back those that do not (the
// sandbox is killed, the job goes straight back to waiting with no attempt spent, the submission
// shows as queued again), then remove every container it owns. The process then exits 0.
import { Inject, Injectable, Logger } from '@nestjs/common';
import Docker from 'dockerode';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { OWNER_LABEL, SANDBOX_DRIVER, SANDBOX_LABEL, SandboxDriver } from '@asynclab/sandbox';
import { WorkerHeartbeatService } from '../fleet/worker-heartbeat.service';
import { RunSubmissionProcessor } from '../runs/run-submission.processor';
import { DOCKER } from '../sandbox/sandbox.providers';
import { SandboxOwnerService } from '../sandbox/sandbox-owner.service';

export type DrainOutcome = 'finished' | 'handed-back';

@Injectable()
export class WorkerShutdownService {
  private readonly logger = new Logger('worker');
  private draining?: Promise<DrainOutcome>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SANDBOX_DRIVER) private readonly sandbox: SandboxDriver,
    @Inject(DOCKER) private readonly docker: Docker,
    private readonly processor: RunSubmissionProcessor,
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
    const worker = this.processor.worker;
    const closed = worker.close(); // marks the worker closing and waits for its running jobs
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      closed.then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
    ]);
    clearTimeout(timer);
    if (!finished) {
      this.logger.warn('grace period over: handing the running jobs back to the queue');
      worker.cancelAllJobs('the worker is shutting down');
      await closed;
    }
    await this.sandbox.close();
    const removed = await this.removeOwnContainers();
    this.logger.log(`drained (${finished ? 'every run finished' : 'runs handed back'}); removed ${removed} container(s)`);
    return finished ? 'finished' : 'handed-back';
  }

  private async removeOwnContainers(): Promise<number> {
    const mine = await this.docker
      .listContainers({ all: true, filters: { label: [`${SANDBOX_LABEL}=true`, `${OWNER_LABEL}=${this.owner.ownerId}`] } })
      .catch(() => []);
    await Promise.all(mine.map((info) => this.docker.getContainer(info.Id).remove({ force: true, v: true }).catch(() => undefined)));
    return mine.length;
  }
}
