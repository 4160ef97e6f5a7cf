// A thin HTTP client for the REST API. Each caller carries its credentials: a session (cookie
// plus CSRF token, as a browser holds them) or an API key, as an LMS sends it. The plain get/post
// helpers act as one guest per service, so tests about grading need no account set-up.
import type { ApiErrorBody, SubmissionAccepted, SubmissionView, Wire } from '../../../libs/contracts/src';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the older tests read answers loosely
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Caller {
  cookie?: string;
  csrfToken?: string;
  apiKey?: string;
}

/** `call` answers an error body unless the caller names the shape it expects. */
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

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the older tests read answers loosely
export async function post<T = any>(baseUrl: string, path: string, body: unknown, caller?: Caller): Promise<ApiResponse<T>> {
  return call<T>(baseUrl, 'POST', path, { caller: caller ?? (await defaultGuest(baseUrl)), body });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the older tests read answers loosely
export async function get<T = any>(baseUrl: string, path: string, caller?: Caller): Promise<ApiResponse<T>> {
  return call<T>(baseUrl, 'GET', path, { caller: caller ?? (await defaultGuest(baseUrl)) });
}

/** Waits for a submission to reach a final status (completed or error) and returns it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the older tests read reports loosely
export async function waitForVerdict(baseUrl: string, id: string, timeoutMs = 60_000, caller?: Caller): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await get<Wire<SubmissionView>>(baseUrl, `/submissions/${id}`, caller);
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
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the older tests read reports loosely
): Promise<any> {
  const created = await post<SubmissionAccepted>(baseUrl, '/submissions', { labId, files });
  if (created.status !== 202) throw new Error(`submit answered ${created.status}: ${JSON.stringify(created.body)}`);
  return waitForVerdict(baseUrl, created.body.id, timeoutMs);
}
