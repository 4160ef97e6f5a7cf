// With Redis away BullMQ and ioredis wait for it (offline queue), and nothing that stores a grade or
// an event must wait on its background job: a call to Redis gets a bound, and says what it was.

/** How long a queue call may take before the caller carries on without it. */
export const REDIS_CALL_TIMEOUT_MS = 2_000;

export async function withRedisTimeout<T>(pending: Promise<T>, what: string, ms = REDIS_CALL_TIMEOUT_MS): Promise<T> {
  void pending.catch(() => undefined); // a late rejection after the timeout is not unhandled
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`Redis did not ${what} within ${String(ms)} ms`));
    }, ms);
  });
  try {
    return await Promise.race([pending, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
