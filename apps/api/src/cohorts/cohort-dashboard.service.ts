// The instructor's views of one cohort: the matrix with per-assignment statistics, a page of the
// matrix for an LMS, the CSV, and the bug analytics. A learner gets only their own row.
import { Injectable } from '@nestjs/common';
import type { CohortAnalytics, CohortDashboard, DiagnosticCode, MatrixRow } from '@asynclab/contracts';
import { CohortAnalyticsRepository, CohortDashboardRepository, CohortRow, CohortsRepository } from '@asynclab/database';
import { ErrorCode } from '@asynclab/contracts';
import { cohortReader } from '../auth/access-policy';
import { Principal } from '../auth/principal';
import { RequestException } from '../common/request.exception';
import { buildRows, buildStats, matrixCsv } from './cohort-matrix';
import { toCohortView } from './cohort-views';

export const STUCK_RULE = { minAttempts: 4, repeatedInLast: 3 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class CohortDashboardService {
  constructor(
    private readonly cohorts: CohortsRepository,
    private readonly dashboard: CohortDashboardRepository,
    private readonly analytics: CohortAnalyticsRepository,
  ) {}

  /** The matrix rows of the given learners (all members when userId is undefined). */
  async rows(
    cohort: CohortRow,
    userId: string | undefined,
    now = new Date(),
    page: { after?: string; limit?: number } = {},
  ): Promise<MatrixRow[]> {
    const members = await this.dashboard.members(cohort.id, { ...page, userId });
    if (members.length === 0) return [];
    const filter = { cohortId: cohort.id, organizationId: cohort.organizationId, userIds: members.map((m) => m.userId) };
    const [cells, extensions] = await Promise.all([this.dashboard.cells(filter), this.cohorts.extensionsOf(cohort.id)]);
    return buildRows(members, cohort.assignments, cells, extensions, now);
  }

  async dashboardOf(principal: Principal, cohort: CohortRow): Promise<CohortDashboard> {
    const reader = cohortReader(principal);
    if (!reader?.whole) return { cohort: toCohortView(cohort), rows: await this.rows(cohort, reader?.userId), stats: [] };
    const filter = { cohortId: cohort.id, organizationId: cohort.organizationId };
    const [members, cells, extensions, diagnostics] = await Promise.all([
      this.dashboard.members(cohort.id),
      this.dashboard.cells(filter),
      this.cohorts.extensionsOf(cohort.id),
      this.dashboard.diagnosticsByAssignment(filter),
    ]);
    const rows = buildRows(members, cohort.assignments, cells, extensions, new Date());
    return { cohort: toCohortView(cohort), rows, stats: buildStats(rows, cohort.assignments, diagnostics) };
  }

  /** A page of learners, ordered by user id; the cursor is the last user id of the page. */
  async matrixPage(
    principal: Principal,
    cohort: CohortRow,
    limit: number,
    cursor?: string,
  ): Promise<{ rows: MatrixRow[]; nextCursor: string | null }> {
    const after = cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');
    if (after !== undefined && !UUID.test(after))
      throw new RequestException(ErrorCode.InvalidCursor, 'cursor is not one this API returned', 'cursor');
    const reader = cohortReader(principal);
    const rows = await this.rows(cohort, reader?.whole ? undefined : reader?.userId, new Date(), { after, limit: limit + 1 });
    const items = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? Buffer.from(items[items.length - 1].learner.userId).toString('base64url') : null;
    return { rows: items, nextCursor };
  }

  async csv(principal: Principal, cohort: CohortRow): Promise<string> {
    const { rows } = await this.dashboardOf(principal, cohort);
    return matrixCsv(rows, cohort.assignments);
  }

  async analyticsOf(cohort: CohortRow): Promise<CohortAnalytics> {
    const filter = { cohortId: cohort.id, organizationId: cohort.organizationId };
    const [days, learnerCodes, stuck] = await Promise.all([
      this.analytics.codesOverTime(filter),
      this.analytics.learnerCodes(filter),
      this.analytics.stuck(filter, STUCK_RULE),
    ]);
    return {
      codesOverTime: days.map((d) => ({ ...d, code: d.code as DiagnosticCode })),
      learnerCodes: learnerCodes.map((c) => ({ ...c, code: c.code as DiagnosticCode })),
      stuck: stuck.map((s) => ({ ...s, code: s.code as DiagnosticCode })),
      stuckRule: STUCK_RULE,
    };
  }
}
