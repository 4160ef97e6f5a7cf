// A thin client for the REST API as an LMS would use it. A test names the body it expects with the
// API's own contracts as they arrive over JSON (Wire<>): get<LabsBody>(...), or post<ApiErrorBody>(...)
// for a request it expects to be refused. Unnamed, a body is `unknown`.
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
}

export async function post<T>(baseUrl: string, path: string, body: unknown): Promise<ApiResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function get<T>(baseUrl: string, path: string): Promise<ApiResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

/** Waits for a submission to reach a final status (completed or error) and returns it. */
export async function waitForVerdict(baseUrl: string, id: string, timeoutMs = 60_000): Promise<SubmissionBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await get<SubmissionBody>(baseUrl, `/submissions/${id}`);
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
