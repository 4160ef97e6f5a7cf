// The web page and the API from one origin: pages get index.html with the security headers,
// files are served as they are, and the API keeps its own JSON answers (404s and 413s included).
// Then the same service without a built bundle: pages answer 503 saying how to build it.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningService, startService } from '../../../../test/e2e/support/service';
import { buildWebBundle } from '../../../../test/e2e/browser/support/web-bundle';

const ROOT = join(__dirname, '..', '..', '..', '..');
const EXPECTED_CSP =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;connect-src 'self';" +
  "font-src 'self';object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'";

describe('the web page beside the API', () => {
  let service: RunningService;
  let origin: string;

  beforeAll(async () => {
    buildWebBundle();
    service = await startService({ worker: false });
    origin = service.baseUrl.replace(/\/api\/v1$/, '');
  });
  afterAll(async () => {
    await service.close();
  });

  it.each(['/', '/labs/news-cache-lock', '/playground'])('answers %s with the page and its security headers', async (path) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('app.js');
    expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the bundle files revalidated on every load', async () => {
    const response = await fetch(`${origin}/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('etag')).toBeTruthy();
  });

  it('answers a missing file with a 404, not the page', async () => {
    const response = await fetch(`${origin}/no-such-file.js`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it.each(['/api/v1/x', '/api', '/api/v1/labs/x/y'])('keeps the API JSON 404 for an unknown %s', async (path) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ statusCode: 404 });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps the API answers that come before routing (an invalid JSON body) its own', async () => {
    const response = await fetch(`${origin}/api/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"labId": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('the web page when the bundle is not built', () => {
  let service: RunningService;
  let root: string;

  beforeAll(async () => {
    // A project root with everything the service reads but no dist/web.
    root = mkdtempSync(join(tmpdir(), 'asynclab-nobundle-'));
    for (const entry of ['labs', 'prisma', 'sandboxes', 'package.json']) symlinkSync(join(ROOT, entry), join(root, entry));
    service = await startService({ worker: false, env: { ASYNCLAB_ROOT: root } });
  });
  afterAll(async () => {
    await service.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers a page with a 503 that says how to build it, and the API still works', async () => {
    const page = await fetch(service.baseUrl.replace(/\/api\/v1$/, '/labs/news-cache-lock'));
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build:web');
    const labs = await fetch(`${service.baseUrl}/labs`);
    expect(labs.status).toBe(200);
    const unknown = await fetch(`${service.baseUrl}/x`);
    expect(unknown.status).toBe(404);
  });
});
