import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, AppConfigModule, loggerModuleFor } from '@scorecard/server-config';
import { DatabaseModule } from '@scorecard/server-database';
import { QueueModule } from '@scorecard/server-queue';
import { AgenciesController } from './agencies/agencies.controller';
import { ScorecardService } from './agencies/scorecard.service';
import { AuthModule } from './auth/auth.module';
import { AgencyDirectory } from './common/agency-directory.service';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { HealthController } from './health/health.controller';
import { IndicatorsController } from './indicators/indicators.controller';
import { JobsController } from './jobs/jobs.controller';
import { PeriodsController } from './periods/periods.controller';
import { PeriodsService } from './periods/periods.service';
import { RankingsController } from './rankings/rankings.controller';
import { RankingsService } from './rankings/rankings.service';
import { SubmissionsController } from './submissions/submissions.controller';
import { SubmissionsService } from './submissions/submissions.service';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const serveWeb =
      config.webDistDir && existsSync(join(config.webDistDir, 'index.html'))
        ? [ServeStaticModule.forRoot({ rootPath: config.webDistDir, exclude: ['/api/{*path}'] })]
        : [];
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        loggerModuleFor(config),
        DatabaseModule,
        QueueModule,
        AuthModule,
        ...serveWeb,
      ],
      controllers: [
        AgenciesController,
        HealthController,
        IndicatorsController,
        JobsController,
        PeriodsController,
        RankingsController,
        SubmissionsController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        AgencyDirectory,
        PeriodsService,
        RankingsService,
        ScorecardService,
        SubmissionsService,
      ],
    };
  }
}
