// The REST API under /api/v1 of the same origin. Every failure becomes an ApiError carrying the
// API's own code and message, because the learner is shown exactly what the API said.
import type {
  ApiErrorBody,
  ApiKeyCreated,
  ApiKeyView,
  Files,
  HistoryEntry,
  LabDetail,
  LabSummary,
  Me,
  SessionView,
  SubmissionAccepted,
  SubmissionView,
  UserView,
} from './types';

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

/** The session's CSRF token, from the readable cookie the server set beside the HttpOnly session cookie. */
function csrfToken(): string {
  return /(?:^|;\s*)asynclab_csrf=([^;]+)/.exec(document.cookie)?.[1] ?? '';
}

export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  const method = init?.method ?? 'GET';
  const csrf: Record<string, string> = method === 'GET' ? {} : { 'x-csrf-token': csrfToken() };
  try {
    const headers = new Headers(init?.headers);
    if (!headers.has('accept')) headers.set('accept', 'application/json');
    for (const [name, value] of Object.entries(csrf)) headers.set(name, value);
    response = await fetch(`${API_BASE}${path}`, { ...init, credentials: 'same-origin', headers });
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

export const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

const q = encodeURIComponent;

export const api = {
  labs: () => request<{ labs: LabSummary[] }>('/labs').then((body) => body.labs),
  lab: (id: string) => request<LabDetail>(`/labs/${q(id)}`),
  submit: (labId: string, files: Files) => request<SubmissionAccepted>('/submissions', json('POST', { labId, files })),
  submission: (id: string) => request<SubmissionView>(`/submissions/${q(id)}`),
  /** Another user's attempts at a lab (instructors, read-only). */
  historyOf: (userId: string, labId: string) =>
    request<{ submissions: HistoryEntry[] }>(`/submissions?userId=${q(userId)}&labId=${q(labId)}`).then((body) => body.submissions),
  history: (labId?: string) =>
    request<{ submissions: HistoryEntry[] }>(`/submissions${labId ? `?labId=${q(labId)}` : ''}`).then((body) => body.submissions),
  eventsUrl: (id: string) => `${API_BASE}/submissions/${q(id)}/events`,

  me: () => request<Me>('/auth/me'),
  guest: () => request<Me>('/auth/guest', json('POST', {})),
  signIn: (organization: string, email: string, password: string) =>
    request<Me>('/auth/sign-in', json('POST', { organization, email, password })),
  signUp: (body: { organization: string; email: string; password: string; displayName?: string; invitation?: string }) =>
    request<Me>('/auth/sign-up', json('POST', body)),
  signOut: () => request<null>('/auth/sign-out', { method: 'POST' }),
  signOutEverywhere: () => request<{ ended: number }>('/auth/sign-out-everywhere', { method: 'POST' }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<{ otherSessionsEnded: number }>('/account/password', json('POST', { currentPassword, newPassword })),
  sessions: () => request<{ sessions: SessionView[] }>('/account/sessions').then((body) => body.sessions),
  endSession: (id: string) => request<null>(`/account/sessions/${q(id)}`, { method: 'DELETE' }),
  keys: () => request<{ keys: ApiKeyView[] }>('/keys').then((body) => body.keys),
  createKey: (name: string, scopes: string[]) => request<ApiKeyCreated>('/keys', json('POST', { name, scopes })),
  revokeKey: (id: string) => request<null>(`/keys/${q(id)}`, { method: 'DELETE' }),
  users: () => request<{ users: UserView[] }>('/users?limit=200').then((body) => body.users),
  invite: (email: string, role: string) => request<{ token: string; signUpUrl: string }>('/invitations', json('POST', { email, role })),
};

/** Who this browser is: its account, or a guest identity made on the first visit. */
export async function ensureSession(): Promise<Me | null> {
  try {
    return await api.me();
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
  }
  try {
    return await api.guest();
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return null; // no guests here: sign in
    throw error;
  }
}
