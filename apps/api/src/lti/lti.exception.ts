import { DomainException } from '../common/domain.exception';

/** LTI registration, login, launch and deep linking (docs/lti.md). */
export class LtiException extends DomainException {}
