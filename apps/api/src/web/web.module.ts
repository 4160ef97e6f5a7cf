// Serves the web front end at / (the catalog, lab pages, the playground) from the same process
// and origin as the API, which stays under /api/v1.
import { Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, NextFunction, Request, Response } from 'express';
import { static as serveStatic } from 'express';
import { join } from 'node:path';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { CONTENT_SECURITY_POLICY, isPageRequest, webBundleBuilt, webBundleDir } from './web-bundle';

@Module({})
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger('web');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs after Nest has registered the API routes and before its 404 handler, so the API always
   * wins and only requests it does not know reach the files (the way @nestjs/serve-static does it).
   */
  onModuleInit(): void {
    const dir = webBundleDir(this.config.projectRoot);
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    if (!webBundleBuilt(dir)) {
      this.logger.warn(`no web bundle in ${dir}: run \`npm run build:web\`; the API still works`);
      app.use((req: Request, res: Response, next: NextFunction) => {
        if (!isPageRequest(req.method, req.path)) {
          next();
          return;
        }
        res.status(503).type('text/plain').send('The asynclab web page is not built. Run `npm run build:web` and reload.');
      });
      return;
    }
    app.use(securityHeaders);
    // no-cache: the browser revalidates (ETag) so a rebuilt bundle is picked up on reload.
    app.use(serveStatic(dir, { index: false, fallthrough: true, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
    // Client-side routes (/labs/<id>, /playground) all load the same page; the app routes itself.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (!isPageRequest(req.method, req.path)) {
        next();
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(dir, 'index.html'));
    });
  }
}

function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  if (!req.path.startsWith('/api/')) {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
  }
  next();
}
