// Regrading an assignment after its lab changed: each member's latest graded attempt that an
// older lab version graded is re-run against the current one, as new submissions on the normal
// queue (the workers are the background job; progress is counted from those submissions). The
// old submissions keep their grade and report in the history.
import { Injectable } from '@nestjs/common';
import { ErrorCode, RegradePreview, RegradeView } from '@asynclab/contracts';
import { AssignmentRow, CohortRow, RegradeProgress, RegradesRepository } from '@asynclab/database';
import { Principal } from '../auth/principal';
import { SubmissionQueueService } from '../submissions/submission-queue.service';
import { CohortsException } from './cohorts.exception';

@Injectable()
export class RegradesService {
  constructor(
    private readonly regrades: RegradesRepository,
    private readonly queue: SubmissionQueueService,
  ) {}

  async preview(cohort: CohortRow, assignmentId: string): Promise<RegradePreview> {
    const assignment = assignmentOf(cohort, assignmentId);
    const current = await this.currentVersion(assignment);
    const stale = await this.regrades.staleLatest(target(assignment), current);
    return {
      assignmentId: assignment.id,
      labId: assignment.labId,
      currentVersionId: current,
      staleSubmissions: stale.length,
      gradingChanged: await this.regrades.gradingChanged([...new Set(stale.map((s) => s.labVersionId))], current),
    };
  }

  async start(principal: Principal, cohort: CohortRow, assignmentId: string): Promise<RegradeView> {
    const assignment = assignmentOf(cohort, assignmentId);
    const current = await this.currentVersion(assignment);
    const stale = await this.regrades.staleLatest(target(assignment), current);
    if (stale.length === 0)
      throw new CohortsException(ErrorCode.NothingToRegrade, "every latest submission was graded against the lab's current version");
    const createdBy = principal.kind === 'session' ? principal.userId : null;
    const job = await this.regrades.createJob(
      target(assignment),
      current,
      stale.map((s) => s.id),
      createdBy,
    );
    // A job Redis does not take now is queued by the sweeper: the rows are already committed.
    for (const submission of job.submissions) await this.queue.tryEnqueue(submission.id, submission.labId);
    return this.progress(cohort, job.jobId);
  }

  async progress(cohort: CohortRow, jobId: string): Promise<RegradeView> {
    const progress = /^[0-9a-f-]{36}$/i.test(jobId) ? await this.regrades.progress(cohort.id, jobId) : null;
    if (!progress) throw new CohortsException(ErrorCode.RegradeNotFound, `regrade "${jobId}" is not one of this cohort's`, 'jobId');
    return toView(progress);
  }

  private async currentVersion(assignment: AssignmentRow): Promise<string> {
    const current = await this.regrades.currentVersionOf(assignment.labId);
    if (!current) throw new CohortsException(ErrorCode.LabNotFound, `lab "${assignment.labId}" has no current version`, 'labId');
    return current;
  }
}

function assignmentOf(cohort: CohortRow, assignmentId: string): AssignmentRow {
  const assignment = cohort.assignments.find((a) => a.id === assignmentId);
  if (!assignment)
    throw new CohortsException(ErrorCode.AssignmentNotFound, `assignment "${assignmentId}" is not one of this cohort's`, 'assignmentId');
  return assignment;
}

const target = (assignment: AssignmentRow) => ({
  assignmentId: assignment.id,
  cohortId: assignment.cohortId,
  labId: assignment.labId,
  opensAt: assignment.opensAt,
});

function toView(progress: RegradeProgress): RegradeView {
  return { ...progress, finished: progress.completed + progress.failed >= progress.total };
}
