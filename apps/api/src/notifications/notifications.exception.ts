import { DomainException } from '../common/domain.exception';

/** An organisation's notifications. */
export class NotificationsException extends DomainException {}
