// Every URL asynclab hands to a platform, from LTI_PUBLIC_URL: what an LMS admin enters (login,
// redirect, JWKS, deep linking), and where our own pages send the browser.
import type { AppConfig } from '@asynclab/config';

export const LTI_ROUTE_PREFIX = '/api/v1/lti';

export interface ToolUrls {
  /** OIDC login initiation ("Initiate login URL", "OpenID Connect Login URL"). */
  loginUrl: string;
  /** Where the platform posts the id_token ("Redirect URI", "Tool URL", "Target link URI"). */
  launchUrl: string;
  /** Our public keys ("Public keyset URL", "JWKS URL"). */
  jwksUrl: string;
  /** The target of a deep linking request ("Content selection URL", "Deep Linking URL"). */
  deepLinkUrl: string;
  /** The origin, for platforms asking for a domain. */
  domain: string;
}

export function toolUrls(config: Pick<AppConfig, 'lti'>): ToolUrls {
  const base = config.lti.publicUrl;
  return {
    loginUrl: `${base}${LTI_ROUTE_PREFIX}/login`,
    launchUrl: `${base}${LTI_ROUTE_PREFIX}/launch`,
    jwksUrl: `${base}${LTI_ROUTE_PREFIX}/jwks`,
    deepLinkUrl: `${base}${LTI_ROUTE_PREFIX}/launch`,
    domain: new URL(base).host,
  };
}

export const labPageUrl = (config: Pick<AppConfig, 'lti'>, labId: string): string =>
  `${config.lti.publicUrl}/labs/${encodeURIComponent(labId)}`;
export const catalogUrl = (config: Pick<AppConfig, 'lti'>): string => `${config.lti.publicUrl}/`;
export const openUrl = (config: Pick<AppConfig, 'lti'>, token: string): string =>
  `${config.lti.publicUrl}${LTI_ROUTE_PREFIX}/open/${token}`;
export const registrationUrl = (config: Pick<AppConfig, 'lti'>, token: string): string =>
  `${config.lti.publicUrl}${LTI_ROUTE_PREFIX}/register/${token}`;

/** A target link a platform may send us to: one of our own pages, never another site (no open redirect). */
export function isOwnUrl(config: Pick<AppConfig, 'lti'>, url: string): boolean {
  try {
    return new URL(url).origin === new URL(config.lti.publicUrl).origin;
  } catch {
    return false;
  }
}

/** The lab a target link points at (/labs/<id>), if any. */
export function labIdOfUrl(url: string): string | null {
  try {
    const match = /^\/labs\/([^/]+)$/.exec(new URL(url).pathname);
    return match ? decodeURIComponent(match[1]) : null;
  } catch {
    return null;
  }
}
