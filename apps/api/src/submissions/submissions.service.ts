import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { ErrorCode, type SubmissionAccepted, type SubmissionView } from '@asynclab/contracts';
import { filesFromColumn, reportFromRows, SubmissionsRepository } from '@asynclab/database';
import { LabCatalogService } from '@asynclab/lab-catalog';
import { SubmissionsException } from './submissions.exception';
import { CreateSubmissionDto } from './dto/create-submission.dto';
import { validateSubmissionFiles } from './submission-files';
import { SubmissionQueueService } from './submission-queue.service';
import { SubmitAdmission } from './submit-admission';

const HISTORY_LIMIT = 50;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class SubmissionsService {
  private readonly admission: SubmitAdmission;

  constructor(
    private readonly catalog: LabCatalogService,
    private readonly submissions: SubmissionsRepository,
    private readonly queue: SubmissionQueueService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.admission = new SubmitAdmission(config.submitMaxInFlight);
  }

  /** At most SUBMIT_MAX_IN_FLIGHT at once per process; more are refused (429, Retry-After). */
  submit(dto: CreateSubmissionDto): Promise<SubmissionAccepted> {
    return this.admission.run(() => this.commitAndQueue(dto));
  }

  /** Commits the submission first, then queues it: a queue outage can delay it, never lose it. */
  private async commitAndQueue(dto: CreateSubmissionDto): Promise<SubmissionAccepted> {
    const lab = this.catalog.find(dto.labId);
    if (!lab) throw new SubmissionsException(ErrorCode.LabNotFound, `lab "${dto.labId}" does not exist`, 'labId');
    const files = validateSubmissionFiles(dto.files);
    const { manifest } = lab.content;
    if (manifest.kind !== 'playground') {
      const foreign = Object.keys(files).filter((path) => !manifest.editable.includes(path));
      if (foreign.length > 0) {
        throw new SubmissionsException(
          ErrorCode.FileNotEditable,
          `files["${foreign[0]}"] is not a file of lab "${manifest.id}"; it accepts ${manifest.editable.join(', ')}`,
          'files',
        );
      }
    }
    const created = await this.submissions.create({
      labId: manifest.id,
      labVersionId: lab.versionId,
      learnerId: dto.learnerId ?? null,
      files,
    });
    await this.queue.tryEnqueue(created.id, manifest.id);
    return { id: created.id, status: created.status };
  }

  async history(learnerId: string | undefined, labId: string | undefined) {
    if (!learnerId) throw new SubmissionsException(ErrorCode.LearnerRequired, 'learnerId is required to list submissions', 'learnerId');
    return { submissions: await this.submissions.listForLearner(learnerId, labId ?? null, HISTORY_LIMIT) };
  }

  async get(id: string): Promise<SubmissionView> {
    const submission = UUID.test(id) ? await this.submissions.findWithRuns(id) : null;
    if (!submission) throw new SubmissionsException(ErrorCode.SubmissionNotFound, `submission "${id}" does not exist`, 'id');
    return {
      id: submission.id,
      labId: submission.labId,
      status: submission.status,
      createdAt: submission.createdAt,
      startedAt: submission.startedAt,
      finishedAt: submission.finishedAt,
      learnerId: submission.learnerId,
      files: filesFromColumn(submission.files),
      report: reportFromRows(submission),
    };
  }
}
