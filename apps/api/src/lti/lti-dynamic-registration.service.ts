// LTI Dynamic Registration 1.0: the LMS opens our single-use registration link with
// openid_configuration and registration_token; we read the platform's configuration, post our
// tool configuration to its registration endpoint, and store the platform it answers with.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { ErrorCode, type LtiPlatformView } from '@asynclab/contracts';
import { DuplicateLtiPlatformError, LtiPlatformsRepository } from '@asynclab/database';
import { LtiMessageType } from '@asynclab/lti';
import { LtiException } from './lti.exception';
import { LtiOneTimeTokens } from './lti-one-time-tokens';
import { LtiPlatformsService, platformView, type RegistrationLinkPayload } from './lti-platforms.service';
import { TOOL_SCOPES, TOOL_TITLE } from './lti-tool-configuration';
import { toolUrls } from './lti-urls';

const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';
const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
const FETCH_TIMEOUT_MS = 10_000;
const MAX_BODY_CHARS = 1_000_000;

export interface RegistrationRequest {
  openid_configuration?: unknown;
  registration_token?: unknown;
}

interface PlatformConfiguration {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  authorizationServer: string | null;
  jwksUri: string;
  registrationEndpoint: string;
  productFamily: string | null;
}

const invalid = (message: string, field = 'openid_configuration') => new LtiException(ErrorCode.LtiRegistrationInvalid, message, field);

@Injectable()
export class LtiDynamicRegistrationService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platforms: LtiPlatformsRepository,
    private readonly platformsService: LtiPlatformsService,
    private readonly tokens: LtiOneTimeTokens,
  ) {}

  async register(linkToken: string, request: RegistrationRequest): Promise<LtiPlatformView> {
    const link = await this.tokens.peek<RegistrationLinkPayload>('registration', linkToken);
    if (!link) throw invalid('this registration link is unknown, already used or expired: create a new one', 'token');
    if (typeof request.openid_configuration !== 'string') throw invalid('the registration request lacks openid_configuration');
    const registrationToken = typeof request.registration_token === 'string' ? request.registration_token : null;
    await this.platformsService.checkUrls(link.organizationId, { openid_configuration: request.openid_configuration });
    const platform = parsePlatformConfiguration(
      await fetchJson(request.openid_configuration, { method: 'GET' }, invalid),
      request.openid_configuration,
    );
    await this.platformsService.checkUrls(link.organizationId, {
      authLoginUrl: platform.authorizationEndpoint,
      authTokenUrl: platform.tokenEndpoint,
      jwksUrl: platform.jwksUri,
      registration_endpoint: platform.registrationEndpoint,
    });
    const answer = await fetchJson(
      platform.registrationEndpoint,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(registrationToken ? { authorization: `Bearer ${registrationToken}` } : {}) },
        body: JSON.stringify(this.toolRegistration()),
      },
      (message) =>
        new LtiException(ErrorCode.LtiRegistrationFailed, `the platform refused the registration: ${message}`, 'registration_endpoint'),
    );
    const clientId = typeof answer.client_id === 'string' ? answer.client_id : null;
    if (!clientId)
      throw new LtiException(
        ErrorCode.LtiRegistrationFailed,
        'the platform answered the registration without a client_id',
        'registration_endpoint',
      );
    const toolConfig = answer[TOOL_CONFIGURATION] as Record<string, unknown> | undefined;
    const deploymentId = typeof toolConfig?.deployment_id === 'string' ? toolConfig.deployment_id : null;
    try {
      const created = await this.platforms.create(link.organizationId, {
        name: platform.productFamily ?? new URL(platform.issuer).host,
        issuer: platform.issuer,
        clientId,
        authLoginUrl: platform.authorizationEndpoint,
        authTokenUrl: platform.tokenEndpoint,
        authTokenAudience: platform.authorizationServer,
        jwksUrl: platform.jwksUri,
        registeredVia: 'dynamic',
        deploymentIds: deploymentId ? [deploymentId] : [],
      });
      await this.tokens.discard('registration', linkToken);
      return platformView(created);
    } catch (error) {
      if (error instanceof DuplicateLtiPlatformError) throw new LtiException(ErrorCode.LtiPlatformExists, error.message, 'client_id');
      throw error;
    }
  }

  /** Our tool configuration (Dynamic Registration 1.0, 3.3, with the LTI tool configuration claim). */
  private toolRegistration(): Record<string, unknown> {
    const urls = toolUrls(this.config);
    return {
      application_type: 'web',
      response_types: ['id_token'],
      grant_types: ['implicit', 'client_credentials'],
      initiate_login_uri: urls.loginUrl,
      redirect_uris: [urls.launchUrl],
      client_name: TOOL_TITLE,
      jwks_uri: urls.jwksUrl,
      token_endpoint_auth_method: 'private_key_jwt',
      scope: TOOL_SCOPES.join(' '),
      [TOOL_CONFIGURATION]: {
        domain: urls.domain,
        target_link_uri: urls.launchUrl,
        claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email'],
        messages: [{ type: LtiMessageType.deepLinkingRequest, target_link_uri: urls.deepLinkUrl, label: 'asynclab labs' }],
      },
    };
  }
}

export function parsePlatformConfiguration(body: Record<string, unknown>, configurationUrl: string): PlatformConfiguration {
  const field = (name: string): string => {
    const value = body[name];
    if (typeof value !== 'string' || value.length === 0) throw invalid(`the platform's openid configuration has no ${name}`);
    return value;
  };
  const issuer = field('issuer');
  // Dynamic Registration 1.0, 3.5.1: the configuration must come from the issuer's own host.
  if (new URL(issuer).host !== new URL(configurationUrl).host)
    throw invalid(`the issuer ${issuer} is not on the host of the openid configuration URL`);
  const lti = body[PLATFORM_CONFIGURATION] as Record<string, unknown> | undefined;
  return {
    issuer,
    authorizationEndpoint: field('authorization_endpoint'),
    tokenEndpoint: field('token_endpoint'),
    jwksUri: field('jwks_uri'),
    registrationEndpoint: field('registration_endpoint'),
    // Dynamic Registration 1.0, 3.4: the aud of the client assertion when it is not the token endpoint.
    authorizationServer: typeof body.authorization_server === 'string' && body.authorization_server ? body.authorization_server : null,
    productFamily: typeof lti?.product_family_code === 'string' ? lti.product_family_code : null,
  };
}

async function fetchJson(url: string, init: RequestInit, fail: (message: string) => LtiException): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    throw fail(`${url} did not answer: ${(error as Error).message}`);
  }
  const text = await response.text();
  if (!response.ok) throw fail(`${url} answered ${String(response.status)}: ${text.slice(0, 300)}`);
  if (text.length > MAX_BODY_CHARS) throw fail(`${url} answered more than ${String(MAX_BODY_CHARS)} characters`);
  try {
    const body = JSON.parse(text) as unknown;
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw fail(`${url} did not answer a JSON object`);
}
