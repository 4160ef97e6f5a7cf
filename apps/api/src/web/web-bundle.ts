// Where the built front end lives and which requests it answers. The bundle is built by
// `npm run build:web` (web/build.mjs) into dist/web of the checkout, beside the compiled server.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function webBundleDir(projectRoot: string): string {
  return join(projectRoot, 'dist', 'web');
}

export function webBundleBuilt(dir: string): boolean {
  return existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'app.js'));
}

/**
 * A page of the app (for GET and HEAD): any path outside /api whose last segment has no file
 * extension. The API keeps its own 404s and a missing file keeps a 404 instead of getting the page.
 */
export const PAGE_PATH = /^(?!\/api(?:\/|$)).*\/[^/.]*$/;
