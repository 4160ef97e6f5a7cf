// The error every module throws for a bad request: a stable code for clients to match on, the
// HTTP status, and a message that names the field at fault.
export class ApiException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Seconds for a Retry-After header: the request was refused for now (429, 503), not for good. */
    readonly retryAfterSec?: number,
  ) {
    super(message);
  }
}
