import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@scorecard/server-config';
import { UserRepository, runMigrations } from '@scorecard/server-database';
import { DemoNationSeeder, DemoProvinceSeeder } from '@scorecard/server-demo';
import { AppModule } from './app/app.module';
import { requestPipes } from './app/common/request-pipes';
import { type ExpressRules, RankingHitListener } from './app/rankings/ranking-hit.listener';
import { mountQueueBoard } from './app/operations/queue-board';

export interface ApiBootstrapOptions {
  /** Clock for the demo data (tests freeze it). */
  now?: Date;
}

/**
 * Builds the HTTP application: migrations first, the demo province when in demo mode and the
 * database is empty, then security headers, validation, OpenAPI and the routes under /api.
 */
export async function createApiApplication(
  config: AppConfig,
  options: ApiBootstrapOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();

  const dataSource = app.get(DataSource);
  await runMigrations(dataSource);
  await app.get(UserRepository).setDemoAccountsEnabled(config.demo);
  if (config.demo && config.demoKind === 'national')
    await app.get(DemoNationSeeder).seedIfEmpty(options.now, { provinces: config.demoProvinces.length > 0 ? config.demoProvinces : undefined });
  else if (config.demo) await app.get(DemoProvinceSeeder).seedIfEmpty(options.now);

  app.setGlobalPrefix('api', { exclude: [] });
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        // Element Plus and ECharts set inline styles.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
      },
    },
  });
  // Answers carry people's figures and tokens: no browser or proxy may keep them.
  const noStore = (_request: unknown, response: { setHeader(name: string, value: string): void }, next: () => void) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  };
  app.use(securityHeaders);
  app.use('/api', noStore);
  // A league table asked for again is answered on the HTTP server, by the same rules and with the
  // same headers, before Express (body parsers, request log, routing) costs it more than the answer.
  app.get(RankingHitListener).install(app.getHttpServer(), app.getHttpAdapter().getInstance() as ExpressRules, [securityHeaders, noStore]);
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  // Same origin by default (the API serves the web app); other origins only when listed.
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: false });
  app.useGlobalPipes(...requestPipes());

  mountQueueBoard(app);
  if (config.apiDocs) serveApiDocs(app);
  return app;
}

function serveApiDocs(app: INestApplication): void {
  const openApi = new DocumentBuilder()
    .setTitle('Scorecard API')
    .setDescription('Monthly benchmarking of medical-insurance service agencies (医保经办机构对标评价)')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
}
