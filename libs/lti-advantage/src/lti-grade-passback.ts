// Turns a graded submission into grade syncs: one per assignment of an LTI context whose grade it
// may change (the learner linked on that platform), each a row first (PostgreSQL is the truth:
// the log shows it even if Redis is down) and then one coalescing job.
import { Injectable, Logger } from '@nestjs/common';
import { LtiGradeSyncsRepository } from '@asynclab/database';
import { GradeSyncQueue } from './grade-sync-queue';

@Injectable()
export class LtiGradePassback {
  private readonly logger = new Logger(LtiGradePassback.name);

  constructor(
    private readonly syncs: LtiGradeSyncsRepository,
    private readonly queue: GradeSyncQueue,
  ) {}

  /** The sync ids requested (none when the submission touches no LTI-linked assignment). */
  async submissionGraded(submissionId: string): Promise<string[]> {
    const ids: string[] = [];
    for (const target of await this.syncs.passbackTargets(submissionId)) {
      const id = await this.syncs.request(target);
      ids.push(id);
      await this.queue.add(id).catch((error: unknown) => {
        this.logger.warn(`grade sync ${id} stored but not queued: ${(error as Error).message}`);
      });
    }
    return ids;
  }
}
