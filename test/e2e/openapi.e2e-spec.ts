// The OpenAPI document is generated from the code; this fails when a route the app serves is
// missing from it (or documented but not served), and checks the docs page is served locally.
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { RunningService, startService } from './support/service';
import { launchChromium, openPage } from './browser/support/chromium';

interface Layer {
  // A path is a string for Nest's routes; serve-static's page route uses a pattern.
  route?: { path: unknown; methods: Record<string, boolean> };
}

const openApi = async (origin: string) => (await (await fetch(`${origin}/api/openapi.json`)).json()) as OpenAPIObject;
const parameterNames = (operation: OperationObject | undefined) => (operation?.parameters ?? []).map((p) => (p as ParameterObject).name);
const schema = (document: OpenAPIObject, name: string) => document.components?.schemas?.[name] as SchemaObject | undefined;

/** Every API route Express knows, as "METHOD /api/v1/path/{param}". */
function servedRoutes(service: RunningService): string[] {
  // Express 5 keeps its routes in app.router.stack.
  const express = service.api.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  const stack = express.router.stack;
  return stack
    .flatMap(({ route }) =>
      route && typeof route.path === 'string' && route.path.startsWith('/api/v1/') ? [{ ...route, path: route.path }] : [],
    )
    .flatMap((route) =>
      Object.keys(route.methods).map((method) => `${method.toUpperCase()} ${route.path.replace(/:([A-Za-z]+)/g, '{$1}')}`),
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
  afterAll(() => service.close());

  it('documents every route the API serves, and nothing it does not', async () => {
    const document = await openApi(origin);
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

  it('documents the webhook delivery log, redelivering many and the notifications', async () => {
    const document = await openApi(origin);
    const log = document.paths['/api/v1/webhooks/endpoints/{id}/deliveries'].get;
    expect(parameterNames(log)).toEqual(expect.arrayContaining(['id', 'cursor', 'limit', 'since', 'until', 'status', 'event']));
    expect(document.paths['/api/v1/webhooks/endpoints/{id}/redeliver'].post?.requestBody).toBeDefined();
    const redeliver = schema(document, 'RedeliverManyDto')?.properties ?? {};
    expect(Object.keys(redeliver).sort()).toEqual(['deliveryIds', 'since', 'status', 'until']);
    expect(parameterNames(document.paths['/api/v1/notifications'].get)).toEqual(expect.arrayContaining(['unread', 'limit']));
    expect(document.paths['/api/v1/notifications/{id}/read'].post).toBeDefined();
    expect(document.paths['/api/v1/notifications/read-all'].post).toBeDefined();
    const events = (schema(document, 'CreateWebhookEndpointDto')?.properties?.events as SchemaObject | undefined)?.items as SchemaObject;
    expect(events.enum).toContain('webhook.endpoint_disabled');
  });

  it('describes the request bodies, scopes and error shape an integrator needs', async () => {
    const document = await openApi(origin);
    expect(document.info.title).toBe('asynclab API');
    expect(document.components?.securitySchemes).toHaveProperty('apiKey');
    expect(schema(document, 'CreateSubmissionDto')?.required).toEqual(expect.arrayContaining(['labId', 'files']));
    const scopes = schema(document, 'CreateApiKeyDto')?.properties?.scopes as SchemaObject | undefined;
    expect((scopes?.items as SchemaObject | undefined)?.enum).toEqual(['read', 'submit', 'manage']);
    const submitForLearner = document.paths['/api/v1/users/{userId}/submissions'].post;
    expect(parameterNames(submitForLearner)).toEqual(expect.arrayContaining(['userId', 'Idempotency-Key']));
    const listSubmissions = document.paths['/api/v1/submissions'].get;
    expect(parameterNames(listSubmissions)).toEqual(expect.arrayContaining(['cursor', 'limit', 'since', 'until']));
  });

  it('documents the LTI endpoints: the form posts a platform sends and the admin registration', async () => {
    const document = await openApi(origin);
    for (const path of ['/api/v1/lti/login', '/api/v1/lti/launch', '/api/v1/lti/launch/confirm', '/api/v1/lti/deep-link']) {
      const body = document.paths[path].post?.requestBody as { content: Record<string, unknown> } | undefined;
      expect(Object.keys(body?.content ?? {})).toEqual(['application/x-www-form-urlencoded']);
    }
    expect(document.paths['/api/v1/lti/jwks'].get).toBeDefined();
    expect(parameterNames(document.paths['/api/v1/lti/register/{token}'].get)).toEqual(
      expect.arrayContaining(['token', 'openid_configuration', 'registration_token']),
    );
    expect(schema(document, 'CreateLtiPlatformDto')?.required).toEqual(
      expect.arrayContaining(['issuer', 'clientId', 'deploymentIds', 'authLoginUrl', 'authTokenUrl', 'jwksUrl']),
    );
    expect(schema(document, 'LaunchFormDoc')?.required).toEqual(['id_token', 'state']);
  });

  it('documents the LTI grade sync log, its retry and the roster sync (docs/lti-grades.md)', async () => {
    const document = await openApi(origin);
    const log = document.paths['/api/v1/lti/grade-syncs'].get;
    expect(parameterNames(log)).toEqual(
      expect.arrayContaining(['cohortId', 'assignmentId', 'userId', 'status', 'limit', 'cursor', 'since', 'until']),
    );
    const parameter = (name: string) => (log?.parameters ?? []).find((p) => (p as ParameterObject).name === name) as ParameterObject;
    expect(parameter('since').description).toContain('last changed');
    expect(parameter('status').schema).toMatchObject({ enum: ['pending', 'succeeded', 'failed', 'skipped'] });
    expect(parameter('limit').schema).toMatchObject({ minimum: 1, maximum: 200, default: 50 });
    expect(Object.keys(schema(document, 'GradeSyncsDoc')?.properties ?? {}).sort()).toEqual(['nextCursor', 'syncs']);
    expect(document.paths['/api/v1/lti/grade-syncs/{id}/retry'].post?.responses).toHaveProperty('202');
    expect(document.paths['/api/v1/lti/contexts/{id}/roster-sync'].post?.responses).toHaveProperty('200');
    expect(parameterNames(document.paths['/api/v1/lti/contexts'].get)).toEqual(expect.arrayContaining(['cohortId', 'limit', 'cursor']));
    expect(Object.keys(schema(document, 'LtiContextPageDoc')?.properties ?? {}).sort()).toEqual(['contexts', 'nextCursor']);
    const attempt = schema(document, 'GradeSyncAttemptViewDoc')?.properties ?? {};
    expect(Object.keys(attempt)).toEqual(expect.arrayContaining(['status', 'httpCode', 'durationMs', 'error', 'scoreGiven']));
    const counts = schema(document, 'RosterSyncResultDoc')?.properties ?? {};
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['usersCreated', 'learnersAdded', 'learnersRemoved', 'complete']));
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

  it('renders every operation in a real browser under the page’s security policy', async () => {
    const browser = await launchChromium();
    try {
      const { page, errors } = await openPage(browser);
      await page.goto(`${origin}/api/docs`);
      await page.locator('.opblock').first().waitFor();
      const document = await openApi(origin);
      const operations = Object.values(document.paths).flatMap((item) => Object.keys(item));
      expect(await page.locator('.opblock').count()).toBe(operations.length);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
