// PostgreSQL restarting or unreachable: a refusal to retry (503 with Retry-After), not a server
// fault (500). The driver adapter wraps pg's errors, so the chain of causes is searched.
const DATABASE_DOWN =
  /ECONNREFUSED|ECONNRESET|Connection terminated|connection timeout|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Can't reach database|DatabaseNotReachable|P1001|P1017|ConnectionClosed/i;

export function isDatabaseUnavailable(exception: unknown): boolean {
  let error = exception as { message?: unknown; code?: unknown; kind?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; error && depth < 4; depth++) {
    const text = [error.code, error.message, error.kind].filter((part) => typeof part === 'string').join(' ');
    if (DATABASE_DOWN.test(text)) return true;
    error = error.cause as typeof error;
  }
  return false;
}
