import { DomainException } from '../common/domain.exception';

/** Identity and access: who is asking and what they may do. */
export class AuthException extends DomainException {}
