// The grade sync log, its retries, and roster syncs, for instructors and admins of the
// organisation. Every lookup takes the organisation id: another organisation's rows are not found.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@asynclab/config';
import {
  ErrorCode,
  type GradeSyncPage,
  type GradeSyncView,
  type LtiContextPage,
  type LtiContextView,
  type RosterSyncResult,
} from '@asynclab/contracts';
import {
  LtiGradeSyncLogRepository,
  LtiGradeSyncsRepository,
  LtiRosterRepository,
  LtiRosterSyncsRepository,
  type ForeignGradeSyncFilter,
  type GradeSyncFilter,
  type GradeSyncRow,
  type PageQuery,
} from '@asynclab/database';
import { GradeSyncQueue, PlatformServiceError, RecordedRosterSync } from '@asynclab/lti-advantage';
import { contextView } from './lti-context-view';
import { LtiGradesException } from './lti-grades.exception';

@Injectable()
export class LtiGradesService {
  private readonly logger = new Logger(LtiGradesService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly syncs: LtiGradeSyncsRepository,
    private readonly log: LtiGradeSyncLogRepository,
    private readonly queue: GradeSyncQueue,
    private readonly roster: LtiRosterRepository,
    private readonly rosterSync: RecordedRosterSync,
    private readonly rosterRuns: LtiRosterSyncsRepository,
  ) {}

  /** A page of the log; a filter naming another organisation's cohort, assignment or learner is a 404. */
  async page(organizationId: string, filter: GradeSyncFilter, query: PageQuery): Promise<GradeSyncPage> {
    const foreign = await this.log.foreignFilter(organizationId, filter);
    if (foreign) throw filterNotFound(foreign, filter);
    const page = await this.log.page(organizationId, filter, query);
    return { syncs: page.items.map(view), nextCursor: page.nextCursor };
  }

  /**
   * Publishes the learner's current grade again (even if the platform holds it), with a fresh round
   * of attempts. The request is stored first: with Redis away it still stands (202, pending), and
   * the worker's sweeper queues it once Redis answers (as for a webhook redelivery).
   */
  async retry(organizationId: string, id: string): Promise<GradeSyncView> {
    if (!(await this.syncs.requestRetry(organizationId, id))) throw notFound(id);
    await this.queue.add(id).catch((error: unknown) => {
      this.logger.warn(`grade sync ${id} retry stored, left to the sweeper: ${(error as Error).message}`);
    });
    const row = await this.syncs.find(organizationId, id);
    if (!row) throw notFound(id);
    return view(row);
  }

  /** The context with its roster schedule and latest runs; another organisation's answers 404. */
  async context(organizationId: string, contextId: string): Promise<LtiContextView> {
    const context = await this.roster.summary(organizationId, contextId);
    if (!context) throw contextNotFound(contextId);
    const runs = await this.rosterRuns.runsOf([context.id]);
    return contextView(context, runs.get(context.id) ?? [], this.config.ltiServices.rosterSyncIntervalMs);
  }

  /** A page of the organisation's contexts (a cohort's: at most one); another organisation's cohort is a 404. */
  async contexts(organizationId: string, filter: { cohortId?: string }, query: PageQuery): Promise<LtiContextPage> {
    if (filter.cohortId && !(await this.roster.isOrganizationCohort(organizationId, filter.cohortId))) {
      throw filterNotFound('cohortId', { cohortId: filter.cohortId });
    }
    const page = await this.roster.summaries(organizationId, filter, query);
    const runs = await this.rosterRuns.runsOf(page.items.map((context) => context.id));
    const intervalMs = this.config.ltiServices.rosterSyncIntervalMs;
    return {
      contexts: page.items.map((context) => contextView(context, runs.get(context.id) ?? [], intervalMs)),
      nextCursor: page.nextCursor,
    };
  }

  async syncRoster(organizationId: string, contextId: string): Promise<RosterSyncResult> {
    const context = await this.roster.findContext(organizationId, contextId);
    if (!context) throw contextNotFound(contextId);
    try {
      const counts = await this.rosterSync.run(context, 'request');
      return { contextId: context.id, cohortId: context.cohortId, ...counts };
    } catch (error) {
      if (!(error instanceof PlatformServiceError)) throw error;
      if (error.permanent) throw new LtiGradesException(ErrorCode.LtiServiceNotOffered, error.message, 'id');
      throw new LtiGradesException(ErrorCode.LtiPlatformFailed, error.message);
    }
  }
}

const contextNotFound = (id: string) => new LtiGradesException(ErrorCode.LtiContextNotFound, `LTI context "${id}" does not exist`, 'id');

const notFound = (id: string) => new LtiGradesException(ErrorCode.LtiGradeSyncNotFound, `grade sync "${id}" does not exist`, 'id');

const FILTER_NOT_FOUND: Record<ForeignGradeSyncFilter, [ErrorCode, string]> = {
  cohortId: [ErrorCode.CohortNotFound, 'cohort'],
  assignmentId: [ErrorCode.AssignmentNotFound, 'assignment'],
  userId: [ErrorCode.UserNotFound, 'user'],
};

function filterNotFound(field: ForeignGradeSyncFilter, filter: GradeSyncFilter): LtiGradesException {
  const [code, what] = FILTER_NOT_FOUND[field];
  return new LtiGradesException(code, `${what} "${String(filter[field])}" does not exist`, field);
}

function view(row: GradeSyncRow): GradeSyncView {
  return {
    ...row,
    status: row.status as GradeSyncView['status'],
    attempts: row.attempts.map((attempt) => ({ ...attempt, status: attempt.status as 'succeeded' | 'failed' })),
  };
}
