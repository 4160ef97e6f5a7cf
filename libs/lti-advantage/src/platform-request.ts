// One HTTP request to a platform's service (token, line items, scores, roster page): the address
// guard of the webhooks first (the URLs come from launches and registrations, so they must not
// reach private, loopback or link-local addresses unless the organisation allows it), a timeout
// over the whole exchange, redirects never followed, the answer's body read up to a cap. What a
// platform answers is data to check, never trusted: callers parse it and bound what they keep.
import { checkOutboundTarget, OutboundTargetError } from '@asynclab/webhooks';
export interface PlatformResponse {
  status: number;
  headers: Headers;
  body: string;
  durationMs: number;
}

export interface PlatformRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** The organisation's allowPrivateTargets setting (PATCH /webhooks/settings). */
  allowPrivate: boolean;
  /** Bytes of the answer read at most; a longer one is an error (a roster page, a line item). */
  maxBytes?: number;
}

/** A failed exchange: `httpCode` is null when no answer came (refused, timed out, too long). */
export class PlatformServiceError extends Error {
  constructor(
    message: string,
    readonly httpCode: number | null,
    readonly retryAfter?: string,
    /** Set when waiting cannot help (the platform lacks a service or a scope). */
    readonly permanent = false,
  ) {
    super(message);
  }

  /** Worth trying again: no answer, 408, 429 or a server error. Other answers will not change by waiting. */
  get retryable(): boolean {
    if (this.permanent) return false;
    return this.httpCode === null || this.httpCode === 408 || this.httpCode === 429 || this.httpCode >= 500;
  }
}

const DEFAULT_MAX_BYTES = 1024 * 1024;

export async function platformRequest(req: PlatformRequest): Promise<PlatformResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    await checkOutboundTarget(req.url, req.allowPrivate);
  } catch (error) {
    if (error instanceof OutboundTargetError) throw new PlatformServiceError(error.message, null, undefined, true);
    throw error;
  }
  let response: Response;
  try {
    response = await fetch(req.url, {
      method: req.method,
      headers: { 'user-agent': 'asynclab-lti', ...req.headers },
      body: req.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(req.timeoutMs),
    });
  } catch (error) {
    throw new PlatformServiceError(describe(error, req), null);
  }
  try {
    const body = await readCapped(response, req.maxBytes ?? DEFAULT_MAX_BYTES);
    return { status: response.status, headers: response.headers, body, durationMs: elapsed() };
  } catch (error) {
    throw new PlatformServiceError(describe(error, req), null);
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`the answer is longer than ${String(maxBytes)} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describe(error: unknown, req: PlatformRequest): string {
  const err = error as Error & { cause?: Error };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no answer within ${String(req.timeoutMs)} ms`;
  return err.cause?.message ?? err.message;
}

/** The platform's answer as a failure: its status and the first bytes of its body, for the log. */
export function answerError(what: string, response: PlatformResponse): PlatformServiceError {
  const detail = response.body.replace(/\s+/g, ' ').trim().slice(0, 300);
  const retryAfter = response.headers.get('retry-after') ?? undefined;
  return new PlatformServiceError(
    `${what}: the platform answered ${String(response.status)}${detail ? ` (${detail})` : ''}`,
    response.status,
    retryAfter,
  );
}

/** Parses a JSON answer; a body that is not JSON is the platform's error, not ours. */
export function jsonOf(what: string, response: PlatformResponse): unknown {
  try {
    return JSON.parse(response.body) as unknown;
  } catch {
    throw new PlatformServiceError(`${what}: the platform's answer is not JSON`, response.status);
  }
}
