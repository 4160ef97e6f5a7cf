import { DomainException } from '../common/domain.exception';

/** Organisations, users and invitations. */
export class AccountsException extends DomainException {}
