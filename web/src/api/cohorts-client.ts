// The cohort endpoints of the REST API, for the join page, the catalog and the dashboard.
import { json, request } from './client';
import type {
  CohortAnalytics,
  CohortDashboard,
  CohortView,
  GradeSyncPage,
  GradeSyncView,
  LatePolicy,
  LtiContextPage,
  LtiContextView,
  RosterSyncResult,
  MyAssignment,
  RegradePreview,
  RegradeView,
} from './types';

const q = encodeURIComponent;

/** A page of a cohort's grade sync log: the filter, and the previous page's nextCursor for the next. */
export interface GradeSyncQuery {
  status?: string;
  cursor?: string;
}

/** The grade sync log's page size on the dashboard. */
export const GRADE_SYNC_PAGE = 50;

export interface NewAssignment {
  labId: string;
  opensAt: string;
  dueAt: string;
  latePolicy: LatePolicy;
  latePenaltyPerDay?: number;
}

export const cohortsApi = {
  list: () => request<{ cohorts: CohortView[] }>('/cohorts').then((body) => body.cohorts),
  get: (id: string) => request<CohortView>(`/cohorts/${q(id)}`),
  create: (name: string) => request<CohortView>('/cohorts', json('POST', { name })),
  join: (code: string) => request<CohortView>('/cohorts/join', json('POST', { code })),
  assign: (id: string, assignment: NewAssignment) => request<CohortView>(`/cohorts/${q(id)}/assignments`, json('POST', assignment)),
  addMember: (id: string, who: { email?: string; externalId?: string }) =>
    request<{ userId: string }>(`/cohorts/${q(id)}/members`, json('POST', who)),
  extend: (id: string, assignmentId: string, userId: string, dueAt: string) =>
    request<null>(`/cohorts/${q(id)}/assignments/${q(assignmentId)}/extensions/${q(userId)}`, json('PUT', { dueAt })),
  dashboard: (id: string) => request<CohortDashboard>(`/cohorts/${q(id)}/dashboard`),
  analytics: (id: string) => request<CohortAnalytics>(`/cohorts/${q(id)}/analytics`),
  csvUrl: (id: string) => `/api/v1/cohorts/${q(id)}/matrix.csv`,
  regradePreview: (id: string, assignmentId: string) => request<RegradePreview>(`/cohorts/${q(id)}/assignments/${q(assignmentId)}/regrade`),
  regrade: (id: string, assignmentId: string) =>
    request<RegradeView>(`/cohorts/${q(id)}/assignments/${q(assignmentId)}/regrades`, { method: 'POST' }),
  regradeProgress: (id: string, jobId: string) => request<RegradeView>(`/cohorts/${q(id)}/regrades/${q(jobId)}`),
  /** The LTI grade syncs of the cohort's learners (empty when no LMS course is linked to it). */
  gradeSyncs: (id: string, query: GradeSyncQuery = {}) => {
    const params = new URLSearchParams({ cohortId: id, limit: String(GRADE_SYNC_PAGE) });
    for (const [name, value] of Object.entries(query) as [string, string | undefined][]) if (value) params.set(name, value);
    return request<GradeSyncPage>(`/lti/grade-syncs?${params.toString()}`);
  },
  retryGradeSync: (syncId: string) => request<GradeSyncView>(`/lti/grade-syncs/${q(syncId)}/retry`, { method: 'POST' }),
  /** The LMS course linked to the cohort, with its roster syncs; null when none is. */
  ltiContext: (cohortId: string) =>
    request<LtiContextPage>(`/lti/contexts?cohortId=${q(cohortId)}`).then((page): LtiContextView | null => page.contexts[0] ?? null),
  syncRoster: (contextId: string) => request<RosterSyncResult>(`/lti/contexts/${q(contextId)}/roster-sync`, { method: 'POST' }),
  myAssignments: () => request<{ assignments: MyAssignment[] }>('/cohorts/my-assignments').then((body) => body.assignments),
};
