// When a failed delivery is tried again: exponential (x4 per attempt) with "equal jitter" (half
// the delay fixed, half random, so receivers that failed together are not all retried at once).
// With the default base of 20 s and 8 attempts the retries spread over about a day (docs/webhooks.md).
// A Retry-After the receiver sent is honoured when it asks for longer, up to a day.

export const RETRY_AFTER_CAP_MS = 24 * 3600_000;

export function retryDelayMs(retryNumber: number, baseMs: number, random: () => number = Math.random): number {
  const delay = baseMs * 4 ** Math.max(0, retryNumber - 1);
  return Math.round(delay / 2 + (random() * delay) / 2);
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | null {
  if (value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, RETRY_AFTER_CAP_MS);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now), RETRY_AFTER_CAP_MS);
}

/** A failed attempt to reach a receiver or a platform; retryAfter is its Retry-After header, if it sent one. */
export class AttemptFailed extends Error {
  constructor(
    message: string,
    readonly retryAfter: string | undefined,
  ) {
    super(message);
  }
}

/**
 * A BullMQ backoffStrategy: the schedule above from baseMs, stretched to the Retry-After of a failed
 * attempt (an AttemptFailed) when that asks for longer. The webhook, grade sync and roster sync
 * queues all retry this way.
 */
export function retryBackoff(baseMs: number, random: () => number = Math.random) {
  return (attemptsMade: number, _type?: string, error?: Error): number => {
    const scheduled = retryDelayMs(attemptsMade, baseMs, random);
    const asked = error instanceof AttemptFailed ? parseRetryAfter(error.retryAfter) : null;
    return asked === null ? scheduled : Math.max(scheduled, asked);
  };
}
