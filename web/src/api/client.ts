// The REST API under /api/v1 of the same origin. Every failure becomes an ApiError carrying the
// API's own code and message, because the learner is shown exactly what the API said.
import type { ApiErrorBody, Files, HistoryEntry, LabDetail, LabSummary, SubmissionAccepted, SubmissionView } from './types';

export const API_BASE = '/api/v1';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    const headers = new Headers(init?.headers);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    response = await fetch(`${API_BASE}${path}`, { ...init, headers });
  } catch {
    throw new ApiError(0, 'NETWORK', 'The asynclab service did not answer. Check your connection and try again.');
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) {
    const error = (body ?? {}) as Partial<ApiErrorBody>;
    throw new ApiError(
      response.status,
      error.code ?? `HTTP_${response.status}`,
      error.message ?? (text.trim() || `The service answered ${response.status} ${response.statusText}`),
      error.requestId ?? response.headers.get('x-request-id') ?? undefined,
    );
  }
  return body as T;
}

const q = encodeURIComponent;

export const api = {
  labs: () => request<{ labs: LabSummary[] }>('/labs').then((body) => body.labs),
  lab: (id: string) => request<LabDetail>(`/labs/${q(id)}`),
  submit: (labId: string, files: Files, learnerId: string) =>
    request<SubmissionAccepted>('/submissions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ labId, files, learnerId }),
    }),
  submission: (id: string) => request<SubmissionView>(`/submissions/${q(id)}`),
  history: (learnerId: string, labId?: string) =>
    request<{ submissions: HistoryEntry[] }>(`/submissions?learnerId=${q(learnerId)}${labId ? `&labId=${q(labId)}` : ''}`).then(
      (body) => body.submissions,
    ),
  eventsUrl: (id: string) => `${API_BASE}/submissions/${q(id)}/events`,
};
