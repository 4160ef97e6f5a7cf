// The jobs this worker process is running now, for its heartbeat record and its shutdown.
import { Injectable } from '@nestjs/common';

@Injectable()
export class RunningJobs {
  private readonly jobs = new Set<string>();

  add(jobId: string): void {
    this.jobs.add(jobId);
  }

  delete(jobId: string): void {
    this.jobs.delete(jobId);
  }

  list(): string[] {
    return [...this.jobs];
  }
}
