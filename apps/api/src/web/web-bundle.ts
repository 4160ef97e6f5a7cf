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

/**
 * A page of the app: any path outside /api whose last segment has no file extension. The API
 * keeps its own 404s and a missing file keeps a 404 instead of getting the page.
 */
export const PAGE_PATH = /^(?!\/api(?:\/|$)).*\/[^/.]*$/;

/** The same rule for a request of any method: only GET and HEAD load a page. */
export function isPageRequest(method: string, path: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (path === '/api' || path.startsWith('/api/')) return false;
  return extname(path) === '';
}
