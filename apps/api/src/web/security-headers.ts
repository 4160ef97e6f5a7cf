// Security headers for every response, pages and API alike, set by helmet. The API's JSON gets
// them too: they cost nothing there, and nosniff keeps a browser from reading JSON as a script.
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * The page's own code and styles only: no inline script, no other origin. CodeMirror writes its
 * styles into <style> elements at run time, hence 'unsafe-inline' for styles (not for scripts).
 * Helmet's own defaults are off (useDefaults: false) so the policy is exactly this list.
 */
export const CONTENT_SECURITY_POLICY_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY_DIRECTIVES },
    referrerPolicy: { policy: 'same-origin' },
    // The same answer as frame-ancestors 'none', for browsers that only read X-Frame-Options.
    frameguard: { action: 'deny' },
    // TLS ends in front of this process (if at all); whether a host is HTTPS-only is decided there.
    strictTransportSecurity: false,
  });
}
