// Checks a launch (the id_token the platform posted with our state) before anything is trusted:
// the token's platform by iss + aud, its signature against that platform's JWKS, exp/iat within
// the skew, the state used once and belonging to that platform, the nonce the one we sent with
// that state, the deployment registered, the LTI claims of a message type we support.
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { ErrorCode } from '@asynclab/contracts';
import {
  LtiLaunchStatesRepository,
  LtiPlatformsRepository,
  WebhooksRepository,
  type LtiLaunchStateRow,
  type LtiPlatformWithDeployments,
} from '@asynclab/database';
import {
  LtiClaimError,
  LtiTokenError,
  parseLaunchClaims,
  RemoteJwksCache,
  unverifiedIssuerAndAudience,
  verifyIdToken,
  type LaunchClaims,
} from '@asynclab/lti';
import { checkOutboundTarget, OutboundTargetError } from '@asynclab/webhooks';
import { LtiException } from './lti.exception';

export interface VerifiedLaunch {
  platform: LtiPlatformWithDeployments;
  claims: LaunchClaims;
  /** The login's state, now used. */
  state: Pick<LtiLaunchStateRow, 'state' | 'nonce' | 'storageTarget'>;
}

const STATE_PROBLEM = {
  unknown: 'the state is unknown: this launch did not start at our login URL',
  used: 'the state was already used (a replayed launch)',
  expired: 'the state expired: the login started too long ago',
};

@Injectable()
export class LtiLaunchVerifier {
  private readonly jwks = new RemoteJwksCache();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platforms: LtiPlatformsRepository,
    private readonly states: LtiLaunchStatesRepository,
    private readonly webhooks: WebhooksRepository,
  ) {}

  async verify(idToken: unknown, state: unknown): Promise<VerifiedLaunch> {
    if (typeof idToken !== 'string' || idToken.length === 0) throw tokenInvalid('the launch has no id_token');
    if (typeof state !== 'string' || state.length === 0)
      throw new LtiException(ErrorCode.LtiStateInvalid, 'the launch has no state', 'state');
    const platform = await this.platformOf(idToken);
    const payload = await this.verifySignature(idToken, platform);
    const consumed = await this.states.consume(state, new Date());
    if (!consumed.ok) throw new LtiException(ErrorCode.LtiStateInvalid, STATE_PROBLEM[consumed.reason], 'state');
    if (consumed.row.platformId !== platform.id)
      throw new LtiException(ErrorCode.LtiStateInvalid, 'the state belongs to a login of another platform', 'state');
    if (payload.nonce !== consumed.row.nonce) {
      const reused = typeof payload.nonce === 'string' && (await this.states.nonceUsed(payload.nonce));
      throw tokenInvalid(reused ? 'the nonce was already used (a replayed id_token)' : 'the nonce is not the one sent with this login');
    }
    let claims: LaunchClaims;
    try {
      claims = parseLaunchClaims(payload);
    } catch (error) {
      if (error instanceof LtiClaimError) throw new LtiException(ErrorCode.LtiMessageInvalid, error.message, 'id_token');
      throw error;
    }
    if (!platform.deploymentIds.includes(claims.deploymentId)) {
      throw new LtiException(
        ErrorCode.LtiDeploymentNotRegistered,
        `deployment ${claims.deploymentId} is not registered for this platform`,
        'id_token',
      );
    }
    if (claims.targetLinkUri !== consumed.row.targetLinkUri) {
      throw new LtiException(
        ErrorCode.LtiMessageInvalid,
        'the target_link_uri claim differs from the one the login initiation named',
        'id_token',
      );
    }
    const { nonce, storageTarget } = consumed.row;
    return { platform, claims, state: { state: consumed.row.state, nonce, storageTarget } };
  }

  private async platformOf(idToken: string): Promise<LtiPlatformWithDeployments> {
    let token: ReturnType<typeof unverifiedIssuerAndAudience>;
    try {
      token = unverifiedIssuerAndAudience(idToken);
    } catch (error) {
      throw tokenInvalid((error as Error).message);
    }
    const candidates = token.azp ? [token.azp] : token.audiences;
    for (const clientId of candidates) {
      const platform = await this.platforms.findByIssuer(token.issuer, clientId);
      if (platform) return platform;
    }
    throw tokenInvalid(`no platform is registered with issuer ${token.issuer} and client id ${candidates.join(', ')}`);
  }

  private async verifySignature(idToken: string, platform: LtiPlatformWithDeployments): Promise<Awaited<ReturnType<typeof verifyIdToken>>> {
    try {
      await checkOutboundTarget(platform.jwksUrl, await this.webhooks.allowsPrivateTargets(platform.organizationId));
    } catch (error) {
      if (error instanceof OutboundTargetError) throw tokenInvalid(`the platform's JWKS URL is refused: ${error.message}`);
      throw error;
    }
    try {
      return await verifyIdToken(idToken, this.jwks.forUrl(platform.jwksUrl), {
        issuer: platform.issuer,
        clientId: platform.clientId,
        clockSkewSeconds: this.config.lti.clockSkewSeconds,
        maxAgeSeconds: Math.ceil(this.config.lti.stateTtlMs / 1000) + this.config.lti.clockSkewSeconds,
      });
    } catch (error) {
      if (error instanceof LtiTokenError) throw tokenInvalid(error.message);
      throw error;
    }
  }
}

const tokenInvalid = (message: string) => new LtiException(ErrorCode.LtiTokenInvalid, message, 'id_token');
