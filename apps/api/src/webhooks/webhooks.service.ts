// Registering, rotating and inspecting an organisation's webhook endpoints (the delivery log is
// webhook-deliveries.service.ts). Every method takes the organisation id: another organisation's
// endpoint is not found (404).
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type WebhookEndpointCreated, type WebhookEndpointView } from '@asynclab/contracts';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { WebhooksRepository, type WebhookEndpointRow } from '@asynclab/database';
import { checkOutboundTarget, generateWebhookSecret, OutboundTargetError } from '@asynclab/webhooks';
import { endpointNotFound } from './webhook-deliveries.service';
import { WebhooksException } from './webhooks.exception';

@Injectable()
export class WebhooksService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: WebhooksRepository,
  ) {}

  async create(organizationId: string, url: string, events: string[]): Promise<WebhookEndpointCreated> {
    await this.checkTarget(organizationId, url);
    const secret = generateWebhookSecret();
    const endpoint = await this.webhooks.createEndpoint(organizationId, { url, events, secret });
    return { ...endpointView(endpoint), secret };
  }

  async list(organizationId: string): Promise<WebhookEndpointView[]> {
    return (await this.webhooks.listEndpoints(organizationId)).map(endpointView);
  }

  async get(organizationId: string, id: string): Promise<WebhookEndpointView> {
    return endpointView(await this.endpoint(organizationId, id));
  }

  async remove(organizationId: string, id: string): Promise<void> {
    if (!(await this.webhooks.deleteEndpoint(organizationId, id))) throw notFound(id);
  }

  /** A new secret; the old one keeps signing beside it for the configured overlap. */
  async rotate(organizationId: string, id: string): Promise<WebhookEndpointCreated> {
    const secret = generateWebhookSecret();
    const until = new Date(Date.now() + this.config.webhooks.rotationOverlapMs);
    const endpoint = await this.webhooks.rotateSecret(organizationId, id, secret, until);
    if (!endpoint) throw notFound(id);
    return { ...endpointView(endpoint), secret };
  }

  async enable(organizationId: string, id: string): Promise<WebhookEndpointView> {
    const endpoint = await this.endpoint(organizationId, id);
    await this.checkTarget(organizationId, endpoint.url);
    const enabled = await this.webhooks.enableEndpoint(organizationId, id);
    if (!enabled) throw notFound(id);
    return endpointView(enabled);
  }

  async settings(organizationId: string): Promise<{ allowPrivateTargets: boolean }> {
    return { allowPrivateTargets: await this.webhooks.allowsPrivateTargets(organizationId) };
  }

  async updateSettings(organizationId: string, allowPrivateTargets: boolean): Promise<{ allowPrivateTargets: boolean }> {
    await this.webhooks.setAllowPrivateTargets(organizationId, allowPrivateTargets);
    return { allowPrivateTargets };
  }

  private async endpoint(organizationId: string, id: string): Promise<WebhookEndpointRow> {
    const endpoint = await this.webhooks.findEndpoint(organizationId, id);
    if (!endpoint) throw notFound(id);
    return endpoint;
  }

  private async checkTarget(organizationId: string, url: string): Promise<void> {
    try {
      await checkOutboundTarget(url, await this.webhooks.allowsPrivateTargets(organizationId));
    } catch (error) {
      if (error instanceof OutboundTargetError) throw new WebhooksException(ErrorCode.WebhookTargetRefused, error.message, 'url');
      throw error;
    }
  }
}

const notFound = endpointNotFound;

function endpointView(row: WebhookEndpointRow): WebhookEndpointView {
  const overlap = row.previousSecretExpiresAt && row.previousSecretExpiresAt > new Date() ? row.previousSecretExpiresAt : null;
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    enabled: row.disabledAt === null,
    disabledAt: row.disabledAt,
    disabledReason: row.disabledReason,
    previousSecretExpiresAt: overlap,
    createdAt: row.createdAt,
  };
}
