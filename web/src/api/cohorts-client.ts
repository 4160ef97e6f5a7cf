// The cohort endpoints of the REST API, for the join page, the catalog and the dashboard.
import { json, request } from './client';
import type {
  CohortAnalytics,
  CohortDashboard,
  CohortView,
  GradeSyncView,
  LatePolicy,
  MyAssignment,
  RegradePreview,
  RegradeView,
} from './types';

const q = encodeURIComponent;

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
  gradeSyncs: (id: string) => request<{ syncs: GradeSyncView[] }>(`/lti/grade-syncs?cohortId=${q(id)}`).then((body) => body.syncs),
  retryGradeSync: (syncId: string) => request<GradeSyncView>(`/lti/grade-syncs/${q(syncId)}/retry`, { method: 'POST' }),
  myAssignments: () => request<{ assignments: MyAssignment[] }>('/cohorts/my-assignments').then((body) => body.assignments),
};
