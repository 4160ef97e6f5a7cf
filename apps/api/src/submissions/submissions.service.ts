import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { ErrorCode, type SubmissionAccepted, type SubmissionView } from '@asynclab/contracts';
import { filesFromColumn, reportFromRows, SubmissionsRepository } from '@asynclab/database';
import { LabCatalogService } from '@asynclab/lab-catalog';
import { submissionScope } from '../auth/access-policy';
import type { Principal } from '../auth/principal';
import { toPageQuery } from '../common/dto/page-query.dto';
import { SubmissionsException } from './submissions.exception';
import { CreateSubmissionDto } from './dto/create-submission.dto';
import type { SubmissionListQuery } from './dto/submission-list.query';
import { validateSubmissionFiles } from './submission-files';
import { SubmissionQueueService } from './submission-queue.service';
import { SubmitAdmission } from './submit-admission';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who a submission is made for: from the session, or the learner an API key names. */
export interface Submitter {
  organizationId: string;
  userId: string;
}

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
  submit(submitter: Submitter, dto: CreateSubmissionDto): Promise<SubmissionAccepted> {
    return this.admission.run(() => this.commitAndQueue(submitter, dto));
  }

  /** Commits the submission first, then queues it: a queue outage can delay it, never lose it. */
  private async commitAndQueue(submitter: Submitter, dto: CreateSubmissionDto): Promise<SubmissionAccepted> {
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
      organizationId: submitter.organizationId,
      userId: submitter.userId,
      files,
    });
    await this.queue.tryEnqueue(created.id, manifest.id);
    return { id: created.id, status: created.status };
  }

  async history(principal: Principal, query: SubmissionListQuery) {
    const scope = submissionScope(principal, query.userId);
    if (!scope) return { submissions: [], nextCursor: null };
    const page = await this.submissions.listInScope(scope, { ...toPageQuery(query), labId: query.labId });
    return { submissions: page.items, nextCursor: page.nextCursor };
  }

  /** Another learner's or organisation's submission is "not found", exactly like a missing one. */
  async get(principal: Principal, id: string): Promise<SubmissionView> {
    const scope = submissionScope(principal);
    const submission = scope && UUID.test(id) ? await this.submissions.findInScope(scope, id) : null;
    if (!submission) throw new SubmissionsException(ErrorCode.SubmissionNotFound, `submission "${id}" does not exist`, 'id');
    return {
      id: submission.id,
      labId: submission.labId,
      status: submission.status,
      createdAt: submission.createdAt,
      startedAt: submission.startedAt,
      finishedAt: submission.finishedAt,
      userId: submission.userId,
      learnerId: submission.learnerId,
      files: filesFromColumn(submission.files),
      report: reportFromRows(submission),
    };
  }
}
