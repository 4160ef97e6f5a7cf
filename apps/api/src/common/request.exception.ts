import { DomainException } from './domain.exception';

/** Rules every request shares: cursors and idempotency keys. */
export class RequestException extends DomainException {}
