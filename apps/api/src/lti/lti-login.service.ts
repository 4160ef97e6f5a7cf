// OIDC login initiation (IMS Security Framework 5.1.1.1): the platform names itself, the user
// (login_hint) and where the launch should land; we record a fresh state and nonce and send the
// browser to the platform's authorisation endpoint, which posts the id_token to our launch URL.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { ErrorCode } from '@asynclab/contracts';
import { LtiLaunchStatesRepository, LtiPlatformsRepository } from '@asynclab/database';
import { randomToken } from '../auth/secrets';
import { LtiException } from './lti.exception';
import { isOwnUrl, toolUrls } from './lti-urls';

export interface LoginInitiation {
  iss?: unknown;
  login_hint?: unknown;
  target_link_uri?: unknown;
  lti_message_hint?: unknown;
  client_id?: unknown;
  lti_deployment_id?: unknown;
  lti_storage_target?: unknown;
}

/** Where the browser goes next, and what binds the launch to it. */
export interface LoginRedirect {
  url: string;
  state: string;
  nonce: string;
  /** The platform's storage frame (lti_storage_target), when it offered one. */
  storageTarget: string | null;
  /** The origin the storage messages go to: the platform's authorisation endpoint's. */
  platformOrigin: string;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= 4000 ? value : undefined;

@Injectable()
export class LtiLoginService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platforms: LtiPlatformsRepository,
    private readonly states: LtiLaunchStatesRepository,
  ) {}

  /** The URL of the platform's authorisation request for this login. */
  async authorizationRedirect(params: LoginInitiation): Promise<LoginRedirect> {
    const issuer = required(params.iss, 'iss');
    const loginHint = required(params.login_hint, 'login_hint');
    const targetLinkUri = required(params.target_link_uri, 'target_link_uri');
    const clientId = text(params.client_id);
    if (!isOwnUrl(this.config, targetLinkUri)) {
      throw new LtiException(ErrorCode.LtiLoginInvalid, `target_link_uri ${targetLinkUri} is not an asynclab URL`, 'target_link_uri');
    }
    const platform = clientId ? await this.platforms.findByIssuer(issuer, clientId) : await this.platforms.findOnlyByIssuer(issuer);
    if (!platform) {
      const which = clientId
        ? `issuer ${issuer} and client id ${clientId}`
        : `issuer ${issuer} (without client_id, and it is not the only one)`;
      throw new LtiException(ErrorCode.LtiLoginInvalid, `no LTI platform is registered with ${which}`, clientId ? 'client_id' : 'iss');
    }
    const deploymentId = text(params.lti_deployment_id);
    if (deploymentId && !platform.deploymentIds.includes(deploymentId)) {
      throw new LtiException(
        ErrorCode.LtiDeploymentNotRegistered,
        `deployment ${deploymentId} is not registered for this platform`,
        'lti_deployment_id',
      );
    }
    // States past their expiry can never be consumed; a day later they have no story to tell either.
    void this.states.deleteExpired(new Date(Date.now() - 24 * 3600_000)).catch(() => undefined);
    const state = randomToken();
    const nonce = randomToken();
    const storageTarget = text(params.lti_storage_target)?.slice(0, 200) ?? null;
    const expiresAt = new Date(Date.now() + this.config.lti.stateTtlMs);
    await this.states.create({ state, nonce, platformId: platform.id, targetLinkUri, storageTarget, expiresAt });
    const url = new URL(platform.authLoginUrl);
    const query: Record<string, string | undefined> = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: platform.clientId,
      redirect_uri: toolUrls(this.config).launchUrl,
      login_hint: loginHint,
      state,
      nonce,
      lti_message_hint: text(params.lti_message_hint),
    };
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value);
    return { url: url.toString(), state, nonce, storageTarget, platformOrigin: url.origin };
  }
}

function required(value: unknown, name: string): string {
  const found = text(value);
  if (!found) throw new LtiException(ErrorCode.LtiLoginInvalid, `the login initiation lacks ${name}`, name);
  return found;
}
