import { DomainException } from '../common/domain.exception';

export class AdminException extends DomainException {}
