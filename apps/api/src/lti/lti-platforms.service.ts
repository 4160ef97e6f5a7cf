// An organisation's LTI platforms: registered by its admins (or a key with `manage`), every
// method takes the organisation id, so another organisation's platform is not found (404).
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { ErrorCode, type LtiPlatformView, type LtiRegistrationLink } from '@asynclab/contracts';
import {
  DuplicateLtiPlatformError,
  LtiPlatformsRepository,
  WebhooksRepository,
  type LtiPlatformChanges,
  type LtiPlatformWithDeployments,
  type NewLtiPlatform,
} from '@asynclab/database';
import { checkOutboundTarget, OutboundTargetError } from '@asynclab/webhooks';
import { LtiException } from './lti.exception';
import { LtiOneTimeTokens } from './lti-one-time-tokens';
import { registrationUrl } from './lti-urls';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URL_FIELDS = ['issuer', 'authLoginUrl', 'authTokenUrl', 'jwksUrl'] as const;
/** How long a dynamic registration link waits for the LMS admin to use it. */
export const REGISTRATION_LINK_TTL_MS = 24 * 3600_000;

export interface RegistrationLinkPayload {
  organizationId: string;
}

export function platformView(platform: LtiPlatformWithDeployments): LtiPlatformView {
  return {
    id: platform.id,
    name: platform.name,
    issuer: platform.issuer,
    clientId: platform.clientId,
    deploymentIds: platform.deploymentIds,
    authLoginUrl: platform.authLoginUrl,
    authTokenUrl: platform.authTokenUrl,
    authTokenAudience: platform.authTokenAudience,
    jwksUrl: platform.jwksUrl,
    registeredVia: platform.registeredVia === 'dynamic' ? 'dynamic' : 'manual',
    createdAt: platform.createdAt,
  };
}

@Injectable()
export class LtiPlatformsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platforms: LtiPlatformsRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly tokens: LtiOneTimeTokens,
  ) {}

  async create(organizationId: string, platform: NewLtiPlatform): Promise<LtiPlatformView> {
    await this.checkUrls(organizationId, urlsOf(platform));
    try {
      return platformView(await this.platforms.create(organizationId, platform));
    } catch (error) {
      if (error instanceof DuplicateLtiPlatformError) throw new LtiException(ErrorCode.LtiPlatformExists, error.message, 'clientId');
      throw error;
    }
  }

  async list(organizationId: string): Promise<LtiPlatformView[]> {
    return (await this.platforms.list(organizationId)).map(platformView);
  }

  async get(organizationId: string, id: string): Promise<LtiPlatformView> {
    const platform = UUID.test(id) ? await this.platforms.find(organizationId, id) : null;
    if (!platform) throw notFound(id);
    return platformView(platform);
  }

  async update(organizationId: string, id: string, changes: LtiPlatformChanges): Promise<LtiPlatformView> {
    await this.get(organizationId, id);
    await this.checkUrls(organizationId, urlsOf(changes));
    const updated = await this.platforms.update(organizationId, id, changes);
    if (!updated) throw notFound(id);
    return platformView(updated);
  }

  async remove(organizationId: string, id: string): Promise<void> {
    if (!UUID.test(id) || !(await this.platforms.delete(organizationId, id))) throw notFound(id);
  }

  /** A single-use URL the LMS admin pastes into the LMS's dynamic registration. */
  async registrationLink(organizationId: string): Promise<LtiRegistrationLink> {
    const payload: RegistrationLinkPayload = { organizationId };
    const token = await this.tokens.issue('registration', payload, REGISTRATION_LINK_TTL_MS);
    return { url: registrationUrl(this.config, token), expiresAt: new Date(Date.now() + REGISTRATION_LINK_TTL_MS) };
  }

  /**
   * The platform URLs we will fetch (JWKS, token endpoint) or send browsers to: http(s), and on
   * public addresses unless the organisation allows private targets (the webhooks setting), so a
   * registration cannot make asynclab probe its own network.
   */
  async checkUrls(organizationId: string, urls: Record<string, string | undefined>): Promise<void> {
    const allowPrivate = await this.webhooks.allowsPrivateTargets(organizationId);
    for (const [field, url] of Object.entries(urls)) {
      if (url === undefined) continue;
      try {
        await checkOutboundTarget(url, allowPrivate);
      } catch (error) {
        if (error instanceof OutboundTargetError) throw new LtiException(ErrorCode.LtiUrlRefused, `${field}: ${error.message}`, field);
        throw error;
      }
    }
  }
}

function urlsOf(platform: LtiPlatformChanges & { issuer?: string }): Record<string, string | undefined> {
  return Object.fromEntries(URL_FIELDS.map((field) => [field, platform[field]]));
}

const notFound = (id: string) => new LtiException(ErrorCode.LtiPlatformNotFound, `LTI platform "${id}" does not exist`, 'id');
