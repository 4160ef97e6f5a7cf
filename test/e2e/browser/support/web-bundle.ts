// The browser tests run against the real bundle: build it first (esbuild takes a second or two),
// so a test never runs against a stale dist/web.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

export function buildWebBundle(): void {
  execFileSync(process.execPath, [join(ROOT, 'web', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

export const SCREENSHOTS_DIR = join(ROOT, 'docs', 'screenshots');
