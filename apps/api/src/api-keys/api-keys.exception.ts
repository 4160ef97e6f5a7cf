import { DomainException } from '../common/domain.exception';

/** An organisation's API keys. */
export class ApiKeysException extends DomainException {}
