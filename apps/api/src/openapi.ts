// The OpenAPI document, generated from the controllers' and DTOs' @nestjs/swagger decorators, at
// /api/openapi.json, and a browsable page at /api/docs whose assets come from swagger-ui-dist in
// node_modules (served by this process, never from a CDN).
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('asynclab API')
    .setDescription(
      'Labs for debugging Python asyncio. LMSs authenticate with an API key (`Authorization: Bearer alk_...`); ' +
        'the web app with a session cookie plus the X-CSRF-Token header on writes. Every POST accepts an ' +
        '`Idempotency-Key`. Errors are `{ statusCode, code, message, field?, requestId }`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an API key, alk_<prefix>_<secret>' }, 'apiKey')
    .addCookieAuth('asynclab_session', { type: 'apiKey', in: 'cookie', name: 'asynclab_session' }, 'session')
    .addGlobalParameters({
      in: 'header',
      name: 'Idempotency-Key',
      required: false,
      description: 'on POST: a retry with the same key and body returns the first answer',
      schema: { type: 'string' },
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.security = [{ apiKey: [] }, { session: [] }];
  return document;
}

export function serveOpenApi(app: INestApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    useGlobalPrefix: false,
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'asynclab API',
  });
}
