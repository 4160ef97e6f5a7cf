// The base of every module's own exception: a stable code from ErrorCode for clients to match on,
// a message that names the field at fault, and no HTTP status: the global filter chooses that at
// the edge (error-status.ts), so domain rules stay free of transport concerns.
import type { ErrorCode } from '@asynclab/contracts';

export abstract class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
