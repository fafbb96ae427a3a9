import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { createDataSource } from './data-source';
import { DatabaseShutdown } from './database-shutdown';
import { TransactionRunner } from './transaction.runner';
import { MonthDueDateRepository } from './calendar/month-due-date.repository';
import { WorkingCalendarRepository } from './calendar/working-calendar.repository';
import { ImportFileRepository } from './imports/import-file.repository';
import { ImportUploadRepository } from './imports/import-upload.repository';
import { RawRecordImporter } from './imports/raw-record.importer';
import { PeriodLifecycleRepository } from './lifecycle/period-lifecycle.repository';
import { PeriodPartRepository } from './lifecycle/period-part.repository';
import { AgencyRepository } from './repositories/agency.repository';
import { AuditLogRepository } from './repositories/audit-log.repository';
import { LoginFailureRepository } from './repositories/login-failure.repository';
import { SessionRepository } from './repositories/session.repository';
import { PeriodRepository } from './repositories/period.repository';
import { ResultRepository } from './repositories/result.repository';
import { ResultStaleRepository } from './repositories/result-stale.repository';
import { SchemeRepository } from './repositories/scheme.repository';
import { SubmissionRepository } from './repositories/submission.repository';
import { UserRepository } from './repositories/user.repository';
import { NotificationRepository } from './notifications/notification.repository';
import { StarObjectionRepository } from './stars/star-objection.repository';
import { StarRepository } from './stars/star.repository';
import { StarWallRepository } from './stars/star-wall.repository';
import { RectificationRepository } from './rectifications/rectification.repository';
import { AppealRepository } from './appeals/appeal.repository';
import { WarningRepository } from './warnings/warning.repository';
import { BadReviewRepository } from './bad-reviews/bad-review.repository';
import { FollowUpHistoryRepository } from './follow-up/follow-up-history.repository';

const REPOSITORIES = [
  AgencyRepository,
  AuditLogRepository,
  LoginFailureRepository,
  SessionRepository,
  PeriodRepository,
  ResultRepository,
  ResultStaleRepository,
  SchemeRepository,
  SubmissionRepository,
  UserRepository,
  PeriodLifecycleRepository,
  PeriodPartRepository,
  ImportFileRepository,
  ImportUploadRepository,
  RawRecordImporter,
  StarRepository,
  StarObjectionRepository,
  StarWallRepository,
  NotificationRepository,
  WorkingCalendarRepository,
  MonthDueDateRepository,
  RectificationRepository,
  AppealRepository,
  WarningRepository,
  BadReviewRepository,
  FollowUpHistoryRepository,
  TransactionRunner,
];

/** The data source (initialised once per process) and every repository, for api and worker alike. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => createDataSource({ url: config.databaseUrl }).initialize(),
    },
    ...REPOSITORIES,
    DatabaseShutdown,
  ],
  exports: [
    DataSource,
    ...REPOSITORIES,
  ],
})
export class DatabaseModule {}
