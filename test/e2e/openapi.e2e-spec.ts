// The OpenAPI document is generated from the code; this fails when a route the app serves is
// missing from it (or documented but not served), and checks the docs page is served locally.
import { RunningService, startService } from './support/service';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every API route Express knows, as "METHOD /api/v1/path/{param}". */
function servedRoutes(service: RunningService): string[] {
  const express = service.api.getHttpAdapter().getInstance();
  const stack: Layer[] = (express.router ?? express._router).stack;
  return stack
    .filter((layer) => layer.route?.path.startsWith('/api/v1/'))
    .flatMap((layer) =>
      Object.keys(layer.route!.methods).map((method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:([A-Za-z]+)/g, '{$1}')}`),
    )
    .sort();
}

describe('the OpenAPI document', () => {
  let service: RunningService;
  let origin: string;
  beforeAll(async () => {
    service = await startService({ worker: false });
    origin = service.baseUrl.replace(/\/api\/v1$/, '');
  });
  afterAll(() => service?.close());

  it('documents every route the API serves, and nothing it does not', async () => {
    const document = await (await fetch(`${origin}/api/openapi.json`)).json();
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) =>
        Object.keys(operations)
          .filter((key) => key !== 'parameters')
          .map((method) => `${method.toUpperCase()} ${path}`),
      )
      .sort();
    const served = servedRoutes(service);
    expect(served.length).toBeGreaterThan(20);
    expect(documented).toEqual(served);
  });

  it('describes the request bodies, scopes and error shape an integrator needs', async () => {
    const document = await (await fetch(`${origin}/api/openapi.json`)).json();
    expect(document.info.title).toBe('asynclab API');
    expect(document.components.securitySchemes).toHaveProperty('apiKey');
    expect(document.components.schemas.CreateSubmissionDto.required).toEqual(expect.arrayContaining(['labId', 'files']));
    expect(document.components.schemas.CreateApiKeyDto.properties.scopes.items.enum).toEqual(['read', 'submit', 'manage']);
    const submitForLearner = document.paths['/api/v1/users/{userId}/submissions'].post;
    expect(submitForLearner.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['userId', 'Idempotency-Key']));
    const listSubmissions = document.paths['/api/v1/submissions'].get;
    expect(listSubmissions.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['cursor', 'limit', 'since', 'until']));
  });

  it('serves a browsable page at /api/docs with its assets from this server, no CDN', async () => {
    const page = await fetch(`${origin}/api/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('swagger-ui');
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(1);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      const url = new URL(asset, `${origin}/api/docs/`);
      expect((await fetch(url)).status).toBe(200);
    }
  });
});
