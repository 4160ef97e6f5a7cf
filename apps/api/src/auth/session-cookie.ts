// The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (not sent on cross-site
// POSTs), Secure when the request came over HTTPS. The CSRF token rides in a second cookie that
// the page can read and must echo in X-CSRF-Token on every write (double submit).
import type { CookieOptions, Request, Response } from 'express';
import type { AppConfig } from '@asynclab/config';

export const SESSION_COOKIE = 'asynclab_session';
export const CSRF_COOKIE = 'asynclab_csrf';
export const CSRF_HEADER = 'x-csrf-token';

function baseOptions(config: AppConfig, request: Request): CookieOptions {
  const secure = config.auth.cookieSecure === 'always' || (config.auth.cookieSecure === 'auto' && request.secure);
  return { sameSite: 'lax', secure, path: '/' };
}

export function setSessionCookies(
  config: AppConfig,
  request: Request,
  response: Response,
  token: string,
  csrfToken: string,
  expiresAt: Date,
): void {
  const options = baseOptions(config, request);
  response.cookie(SESSION_COOKIE, token, { ...options, httpOnly: true, expires: expiresAt });
  response.cookie(CSRF_COOKIE, csrfToken, { ...options, httpOnly: false, expires: expiresAt });
}

export function clearSessionCookies(config: AppConfig, request: Request, response: Response): void {
  const options = baseOptions(config, request);
  response.clearCookie(SESSION_COOKIE, { ...options, httpOnly: true });
  response.clearCookie(CSRF_COOKIE, options);
}
