// A thin client for the REST API. A test names the body it expects with the API's own contracts
// as they arrive over JSON (Wire<>): get<LabsBody>(...), or post<ApiErrorBody>(...) for a request
// it expects to be refused; `call` answers ApiErrorBody unless told otherwise. Each caller carries
// its credentials: a session (cookie plus CSRF token, as a browser holds them) or an API key, as
// an LMS sends it. The plain get/post helpers act as one guest per service, so tests about
// grading need no account set-up.
import type { ApiErrorBody, HistoryEntry, LabDetail, LabSummary, SubmissionAccepted, SubmissionView, Wire } from '@asynclab/contracts';

export type { ApiErrorBody, LabDetail, SubmissionAccepted };
export type SubmissionBody = Wire<SubmissionView>;
export type SubmissionReportBody = NonNullable<SubmissionBody['report']>;
export interface LabsBody {
  labs: LabSummary[];
}
export interface HistoryBody {
  submissions: Wire<HistoryEntry>[];
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Caller {
  cookie?: string;
  csrfToken?: string;
  apiKey?: string;
}

export async function call<T = ApiErrorBody>(
  baseUrl: string,
  method: string,
  path: string,
  options: { caller?: Caller; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  const { caller } = options;
  if (caller?.cookie) headers.cookie = caller.cookie;
  if (caller?.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= caller.csrfToken;
  if (caller?.apiKey) headers.authorization = `Bearer ${caller.apiKey}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    body = text;
  }
  if (caller) adoptCookies(caller, response.headers);
  return { status: response.status, body: body as T, headers: response.headers };
}

/** Keeps the session cookie the server set (sign-in, sign-up, guest), as a browser would. */
function adoptCookies(caller: Caller, headers: Headers): void {
  for (const line of headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, value] = pair.split('=');
    if (name === 'asynclab_session') caller.cookie = value ? `asynclab_session=${value}` : undefined;
    if (name === 'asynclab_csrf') caller.csrfToken = value || undefined;
  }
}

/** A fresh guest of the public organisation: what a browser gets on its first visit. */
export async function guest(baseUrl: string): Promise<Caller> {
  const caller: Caller = {};
  const response = await call(baseUrl, 'POST', '/auth/guest', { caller, body: {} });
  if (response.status !== 200) throw new Error(`guest answered ${response.status}: ${JSON.stringify(response.body)}`);
  return caller;
}

const defaultGuests = new Map<string, Promise<Caller>>();
const defaultGuest = (baseUrl: string): Promise<Caller> => {
  const existing = defaultGuests.get(baseUrl) ?? guest(baseUrl);
  defaultGuests.set(baseUrl, existing);
  return existing;
};

export async function post<T>(baseUrl: string, path: string, body: unknown, caller?: Caller): Promise<ApiResponse<T>> {
  return call<T>(baseUrl, 'POST', path, { caller: caller ?? (await defaultGuest(baseUrl)), body });
}

export async function get<T>(baseUrl: string, path: string, caller?: Caller): Promise<ApiResponse<T>> {
  return call<T>(baseUrl, 'GET', path, { caller: caller ?? (await defaultGuest(baseUrl)) });
}

/** Waits for a submission to reach a final status (completed or error) and returns it. */
export async function waitForVerdict(baseUrl: string, id: string, timeoutMs = 60_000, caller?: Caller): Promise<SubmissionBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await get<SubmissionBody>(baseUrl, `/submissions/${id}`, caller);
    if (body.status === 'completed' || body.status === 'error') return body;
    if (Date.now() > deadline) throw new Error(`submission ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function submitAndWait(
  baseUrl: string,
  labId: string,
  files: Record<string, string>,
  timeoutMs?: number,
): Promise<SubmissionBody> {
  const created = await post<SubmissionAccepted>(baseUrl, '/submissions', { labId, files });
  if (created.status !== 202) throw new Error(`submit answered ${created.status}: ${JSON.stringify(created.body)}`);
  return waitForVerdict(baseUrl, created.body.id, timeoutMs);
}

/** The report of a finished submission; a submission without one fails the test here, by name. */
export function reportOf(submission: SubmissionBody): SubmissionReportBody {
  if (submission.report === null) throw new Error(`submission ${submission.id} (${submission.status}) has no report`);
  return submission.report;
}
