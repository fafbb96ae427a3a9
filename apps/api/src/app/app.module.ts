import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type AppConfig, AppConfigModule, loggerModuleFor } from '@scorecard/server-config';
import { DatabaseModule } from '@scorecard/server-database';
import { DemoModule } from '@scorecard/server-demo';
import { QueueModule } from '@scorecard/server-queue';
import { AccessGuard } from './access/access.guard';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CalendarModule } from './calendar/calendar.module';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { ApiExceptionFilter } from './common/api-exception.filter';
import { SlidingWindowThrottlerStorage } from './common/sliding-window-throttler.storage';
import { ChangesHeardInterceptor } from './common/changes-heard.interceptor';
import { CommonModule } from './common/common.module';
import { HealthModule } from './health/health.module';
import { HonoursModule } from './honours/honours.module';
import { ImportsModule } from './imports/imports.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { JobsModule } from './jobs/jobs.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OperationsModule } from './operations/operations.module';
import { PeriodsModule } from './periods/periods.module';
import { RankingsModule } from './rankings/rankings.module';
import { RectificationsModule } from './rectifications/rectifications.module';
import { SchemesModule } from './schemes/scheme.module';
import { AppealsModule } from './appeals/appeals.module';
import { WarningsModule } from './warnings/warnings.module';
import { BadReviewsModule } from './bad-reviews/bad-reviews.module';
import { FeedbackModule } from './feedback/feedback.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { StarsModule } from './stars/stars.module';
import { SubmissionsModule } from './submissions/submissions.module';
import { UsersModule } from './users/users.module';

/** The features under /api, on the infrastructure they share; routes, guards and errors are global. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const serveWeb =
      config.webDistDir && existsSync(join(config.webDistDir, 'index.html'))
        ? [
            ServeStaticModule.forRoot({
              rootPath: config.webDistDir,
              exclude: ['/api/{*path}'],
              serveStaticOptions: { setHeaders: cacheWebAssets },
            }),
          ]
        : [];
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        loggerModuleFor(config),
        DatabaseModule,
        DemoModule,
        QueueModule,
        ThrottlerModule.forRoot({
          // Constant cost per call, however many calls a busy caller has made (a league table
          // served from memory costs less than the library's own store would).
          storage: new SlidingWindowThrottlerStorage(),
          // The route, the throttler and the caller's address, as the library names them, kept as
          // text: hashing it on every call costs more than the longer key takes in memory.
          generateKey: (context, tracker, name) => `${context.getClass().name}-${context.getHandler().name}-${name}-${tracker}`,
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
        CommonModule,
        AgenciesModule,
        AuditModule,
        HealthModule,
        ImportsModule,
        IndicatorsModule,
        JobsModule,
        LifecycleModule,
        PeriodsModule,
        RankingsModule,
        SchemesModule,
        SubmissionsModule,
        UsersModule,
        StarsModule,
        NotificationsModule,
        CalendarModule,
        RectificationsModule,
        AppealsModule,
        WarningsModule,
        BadReviewsModule,
        FeedbackModule,
        FollowUpsModule,
        HonoursModule,
        OperationsModule,
        AuthModule,
        ...serveWeb,
      ],
      providers: [
        { provide: APP_FILTER, useExisting: ApiExceptionFilter },
        // Guards run in this order: rate limit, authentication, authorisation.
        { provide: APP_GUARD, useClass: ThrottlerGuard },
        { provide: APP_GUARD, useExisting: JwtAuthGuard },
        { provide: APP_GUARD, useExisting: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: ChangesHeardInterceptor },
      ],
    };
  }
}

/**
 * The web app's built files under assets/ are named by their content, so a name never serves other
 * bytes: browsers keep them for a year without asking again (a page load then costs no round trip
 * per script). index.html, which names them, is still checked on every load.
 */
function cacheWebAssets(response: { setHeader(name: string, value: string): void }, path: string): void {
  if (/[\\/]assets[\\/][^\\/]+$/.test(path)) {
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  }
}
