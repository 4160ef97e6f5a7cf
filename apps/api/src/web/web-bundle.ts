// Where the built front end lives and which requests it answers. The bundle is built by
// `npm run build:web` (web/build.mjs) into dist/web of the checkout, beside the compiled server.
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';

export function webBundleDir(projectRoot: string): string {
  return join(projectRoot, 'dist', 'web');
}

export function webBundleBuilt(dir: string): boolean {
  return existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'app.js'));
}

/** The API keeps its own 404s; everything else without a file extension is a page of the app. */
export function isPageRequest(method: string, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (path === '/api' || path.startsWith('/api/')) return false;
  return extname(path) === '';
}

/**
 * The page's own code and styles only: no inline script, no other origin. CodeMirror writes its
 * styles into <style> elements at run time, hence 'unsafe-inline' for styles (not for scripts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');
