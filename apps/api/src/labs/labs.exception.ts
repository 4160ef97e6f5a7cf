import { DomainException } from '../common/domain.exception';

export class LabsException extends DomainException {}
