// Serves the web front end at / (the catalog, lab pages, the playground) from the same process
// and origin as the API, which stays under /api/v1. @nestjs/serve-static registers the files
// after Nest's routes and before its 404 handler, so the API always wins.
import { Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ServeStaticModule, ServeStaticModuleOptions } from '@nestjs/serve-static';
import type { Express, Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '@asynclab/config';
import { PAGE_PATH, webBundleBuilt, webBundleDir } from './web-bundle';

function serveBundle(config: AppConfig): ServeStaticModuleOptions[] {
  const dir = webBundleDir(config.projectRoot);
  // Without a bundle nothing is served; WebModule answers pages with a 503 that says why.
  if (!webBundleBuilt(dir)) return [];
  return [
    {
      rootPath: dir,
      // Client-side routes (/labs/<id>, /playground) all load index.html; the app routes itself.
      // Only extension-less paths outside /api: a missing /app.js.map or /api/v1/x keeps Nest's JSON 404.
      renderPath: PAGE_PATH,
      serveStaticOptions: {
        index: false,
        redirect: false,
        // no-cache: the browser revalidates (ETag) so a rebuilt bundle is picked up on reload.
        setHeaders: (res: Response) => res.setHeader('Cache-Control', 'no-cache'),
      },
    },
  ];
}

@Module({
  imports: [ServeStaticModule.forRootAsync({ inject: [APP_CONFIG], useFactory: serveBundle })],
})
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger('web');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs after ServeStaticModule's own hook and, like it, before Nest's 404 handler. */
  onModuleInit(): void {
    const dir = webBundleDir(this.config.projectRoot);
    if (webBundleBuilt(dir)) return;
    this.logger.warn(`no web bundle in ${dir}: run \`npm run build:web\`; the API still works`);
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    app.get(PAGE_PATH, (_req: Request, res: Response) => {
      res.status(503).type('text/plain').send('The asynclab web page is not built. Run `npm run build:web` and reload.');
    });
  }
}
