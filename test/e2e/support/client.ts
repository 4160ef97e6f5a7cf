// A thin client for the REST API as an LMS would use it.
export interface ApiResponse<T = any> {
  status: number;
  body: T;
}

export async function post<T = any>(baseUrl: string, path: string, body: unknown): Promise<ApiResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export async function get<T = any>(baseUrl: string, path: string): Promise<ApiResponse<T>> {
  const response = await fetch(`${baseUrl}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

/** Waits for a submission to reach a final status (completed or error) and returns it. */
export async function waitForVerdict(baseUrl: string, id: string, timeoutMs = 60_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await get(baseUrl, `/submissions/${id}`);
    if (body.status === 'completed' || body.status === 'error') return body;
    if (Date.now() > deadline) throw new Error(`submission ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function submitAndWait(baseUrl: string, labId: string, files: Record<string, string>, timeoutMs?: number): Promise<any> {
  const created = await post(baseUrl, '/submissions', { labId, files });
  if (created.status !== 202) throw new Error(`submit answered ${created.status}: ${JSON.stringify(created.body)}`);
  return waitForVerdict(baseUrl, created.body.id, timeoutMs);
}
