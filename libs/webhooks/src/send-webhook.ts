// One HTTP attempt of a delivery: POST, a timeout over the whole exchange, redirects never
// followed (a 3xx is a failed attempt), the answer's body read up to a cap and the rest dropped.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup } from './outbound-target';

/** What of the receiver's answer is kept in the attempt log. */
export const RESPONSE_BODY_CAP_BYTES = 4096;

export interface SendResult {
  responseCode: number | null;
  retryAfter: string | undefined;
  responseBody: string | null;
  error: string | null;
  durationMs: number;
}

export interface SendRequest {
  url: URL;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  allowPrivate: boolean;
}

export function sendWebhook(req: SendRequest): Promise<SendResult> {
  const started = performance.now();
  const request = req.url.protocol === 'https:' ? httpsRequest : httpRequest;
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise<SendResult>((resolve) => {
    const outgoing = request(req.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'asynclab-webhooks', ...req.headers },
      lookup: guardedLookup(req.allowPrivate),
      signal: AbortSignal.timeout(req.timeoutMs),
    });
    outgoing.on('response', (response: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      response.on('data', (chunk: Buffer) => {
        if (kept >= RESPONSE_BODY_CAP_BYTES) return;
        const slice = chunk.subarray(0, RESPONSE_BODY_CAP_BYTES - kept);
        chunks.push(slice);
        kept += slice.length;
      });
      const finish = (error: string | null) => {
        const retryAfter: string | undefined = response.headers['retry-after'];
        resolve({
          responseCode: response.statusCode ?? null,
          retryAfter,
          responseBody: Buffer.concat(chunks).toString('utf8'),
          error,
          durationMs: elapsed(),
        });
      };
      response.on('end', () => {
        finish(null);
      });
      response.on('error', (error) => {
        finish(error.message);
      });
    });
    outgoing.on('error', (error) => {
      const message =
        error.name === 'TimeoutError' || error.name === 'AbortError' ? `no answer within ${String(req.timeoutMs)} ms` : error.message;
      resolve({ responseCode: null, retryAfter: undefined, responseBody: null, error: message, durationMs: elapsed() });
    });
    outgoing.end(req.body);
  });
}
