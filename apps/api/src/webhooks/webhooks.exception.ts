import { DomainException } from '../common/domain.exception';

/** An organisation's webhook endpoints and deliveries. */
export class WebhooksException extends DomainException {}
