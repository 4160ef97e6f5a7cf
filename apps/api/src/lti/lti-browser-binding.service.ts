// Binds a launch to the browser that started its login (against login CSRF: a browser made to post
// an id_token someone obtained for their own LMS account). Two ways, either one suffices:
// - a cookie with the state, set at login (SameSite=None over HTTPS, so it survives the
//   platform's cross-site form post; an LMS frame that blocks third-party cookies drops it);
// - the LTI client-side storage messages, when the platform names lti_storage_target: the login
//   page puts state and nonce in the platform's storage (lti.put_data), the launch answers a page
//   that reads them back (lti.get_data) and confirms with a single-use ticket.
// A launch bound by neither goes on unless LTI_REQUIRE_BROWSER_BINDING is set.
import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { ErrorCode } from '@asynclab/contracts';
import { LtiPlatformsRepository } from '@asynclab/database';
import type { LaunchClaims } from '@asynclab/lti';
import { sameSecret, sha256 } from '../auth/secrets';
import { LtiException } from './lti.exception';
import type { VerifiedLaunch } from './lti-launch-verifier.service';
import type { LoginRedirect } from './lti-login.service';
import { LtiOneTimeTokens } from './lti-one-time-tokens';
import { sendBindingPage, sendStorageLoginPage } from './lti-pages';
import { LTI_ROUTE_PREFIX } from './lti-urls';

/** How long the launch waits for its page to read the state back from the platform's storage. */
const CONFIRM_TTL_MS = 2 * 60_000;

interface PendingLaunch {
  platformId: string;
  claims: LaunchClaims;
  state: VerifiedLaunch['state'];
}

export type Binding = 'bound' | 'unbound' | 'pending';

@Injectable()
export class LtiBrowserBinding {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: LtiOneTimeTokens,
    private readonly platforms: LtiPlatformsRepository,
  ) {}

  /** The login's answer: the state cookie, then the platform's auth URL (through the storage page when offered). */
  answerLogin(request: Request, response: Response, login: LoginRedirect): void {
    response.cookie(cookieName(login.state), login.state, this.cookieOptions(request, this.config.lti.stateTtlMs));
    if (login.storageTarget) sendStorageLoginPage(response, login);
    else response.redirect(302, login.url);
  }

  /**
   * 'bound' by the cookie; 'pending' when the storage page was sent (the launch goes on at
   * confirm()); 'unbound' when neither can bind it and binding is not required.
   */
  async check(request: Request, response: Response, launch: VerifiedLaunch): Promise<Binding> {
    const name = cookieName(launch.state.state);
    const cookie = (request.cookies as Record<string, string | undefined> | undefined)?.[name];
    response.clearCookie(name, this.cookieOptions(request, 0));
    if (cookie && sameSecret(cookie, launch.state.state)) return 'bound';
    if (launch.state.storageTarget) {
      const pending: PendingLaunch = { platformId: launch.platform.id, claims: launch.claims, state: launch.state };
      const ticket = await this.tokens.issue('binding', pending, CONFIRM_TTL_MS);
      sendBindingPage(response, { ticket, state: launch.state, platformOrigin: new URL(launch.platform.authLoginUrl).origin });
      return 'pending';
    }
    if (this.config.lti.requireBrowserBinding) {
      throw new LtiException(
        ErrorCode.LtiStateInvalid,
        'the launch is not bound to the browser that started the login (no state cookie, and the platform offered no client-side storage)',
        'state',
      );
    }
    return 'unbound';
  }

  /** The binding page read the state back from the platform's storage: the launch goes on. */
  async confirm(form: { ticket?: unknown; state?: unknown }): Promise<VerifiedLaunch> {
    const pending = typeof form.ticket === 'string' ? await this.tokens.take<PendingLaunch>('binding', form.ticket) : null;
    const platform = pending ? await this.platforms.findById(pending.platformId) : null;
    if (!pending || !platform)
      throw new LtiException(ErrorCode.LtiStateInvalid, 'this launch confirmation is unknown, used or expired: launch again', 'ticket');
    if (typeof form.state !== 'string' || !sameSecret(form.state, pending.state.state)) {
      throw new LtiException(ErrorCode.LtiStateInvalid, "the state read from the platform's storage is not this launch's", 'state');
    }
    return { platform, claims: pending.claims, state: pending.state };
  }

  private cookieOptions(request: Request, maxAge: number): CookieOptions {
    const secure = this.config.auth.cookieSecure === 'always' || (this.config.auth.cookieSecure === 'auto' && request.secure);
    // SameSite=None needs Secure; over plain HTTP the cookie is only good for same-site launches.
    return {
      httpOnly: true,
      secure,
      sameSite: secure ? 'none' : 'lax',
      path: `${LTI_ROUTE_PREFIX}/launch`,
      ...(maxAge > 0 ? { maxAge } : {}),
    };
  }
}

/** One cookie per login, so launches in two tabs do not overwrite each other's. */
const cookieName = (state: string): string => `asynclab_lti_${sha256(state).slice(0, 16)}`;
