import { DomainException } from '../common/domain.exception';

/** LTI grade syncs and roster syncs. */
export class LtiGradesException extends DomainException {}
