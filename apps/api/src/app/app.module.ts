import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { MulterModule } from '@nestjs/platform-express';
import type { MulterOptions } from '@nestjs/platform-express/multer/interfaces/multer-options.interface';
import { ServeStaticModule } from '@nestjs/serve-static';
import { diskStorage } from 'multer';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, AppConfigModule, loggerModuleFor } from '@scorecard/server-config';
import { DatabaseModule } from '@scorecard/server-database';
import { DemoModule } from '@scorecard/server-demo';
import { MonthsModule } from '@scorecard/server-months';
import { QueueModule } from '@scorecard/server-queue';
import { AgenciesController } from './agencies/agencies.controller';
import { ScorecardService } from './agencies/scorecard.service';
import { AccessGuard } from './access/access.guard';
import { AccessPolicy } from './access/access-policy';
import { AuditController } from './audit/audit.controller';
import { AuthModule } from './auth/auth.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { AgencyDirectory } from './common/agency-directory.service';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { HealthController } from './health/health.controller';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { IndicatorsController } from './indicators/indicators.controller';
import { JobsController } from './jobs/jobs.controller';
import { JobsService } from './jobs/jobs.service';
import { PeriodLifecycleController } from './lifecycle/period-lifecycle.controller';
import { PeriodLifecycleService } from './lifecycle/period-lifecycle.service';
import { PeriodsController } from './periods/periods.controller';
import { PeriodsService } from './periods/periods.service';
import { RankingsController } from './rankings/rankings.controller';
import { RankingsService } from './rankings/rankings.service';
import { SubmissionsController } from './submissions/submissions.controller';
import { SubmissionsService } from './submissions/submissions.service';
import { NotificationsController } from './notifications/notifications.controller';
import { NotificationsService } from './notifications/notifications.service';
import { StarsController } from './stars/stars.controller';
import { StarsService } from './stars/stars.service';

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
        MonthsModule,
        DemoModule,
        QueueModule,
        AuthModule,
        // Uploads stream to disk in the shared import folder, never into memory.
        MulterModule.register({
          storage: diskStorage({ destination: config.importDir }),
          limits: { fileSize: config.importMaxBytes, files: 1, fields: 5 },
          // Browsers send file names as UTF-8 (中文文件名.xlsx), not Latin-1.
          defParamCharset: 'utf8',
        } as MulterOptions),
        ThrottlerModule.forRoot({
          throttlers: [
            { name: 'default', ttl: 60_000, limit: config.rateLimitPerMinute },
            {
              name: 'login',
              ttl: 60_000,
              limit: config.loginRateLimitPerMinute,
              skipIf: (context) => !context.switchToHttp().getRequest<{ url: string }>().url.startsWith('/api/auth/'),
            },
          ],
        }),
        ...serveWeb,
      ],
      controllers: [
        AgenciesController,
        AuditController,
        HealthController,
        ImportsController,
        IndicatorsController,
        JobsController,
        PeriodLifecycleController,
        PeriodsController,
        RankingsController,
        SubmissionsController,
        UsersController,
        StarsController,
        NotificationsController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        // Guards run in this order: rate limit, authentication, authorisation.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useExisting: JwtAuthGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        AccessPolicy,
        AgencyDirectory,
        ImportsService,
        JobsService,
        UsersService,
        PeriodLifecycleService,
        PeriodsService,
        RankingsService,
        ScorecardService,
        SubmissionsService,
        StarsService,
        NotificationsService,
      ],
    };
  }
}
