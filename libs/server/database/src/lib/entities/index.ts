import { AgencyResultEntity } from './agency-result.entity';
import { AuditLogEntity } from './audit-log.entity';
import { AgencyEntity } from './agency.entity';
import { IndicatorSchemeEntity } from './indicator-scheme.entity';
import { PeriodEntity } from './period.entity';
import { SchemeIndicatorEntity } from './scheme-indicator.entity';
import { SchemeVersionEntity } from './scheme-version.entity';
import { SubmissionValueEntity } from './submission-value.entity';
import { SubmissionEntity } from './submission.entity';
import { UserSessionEntity } from './user-session.entity';
import { UserEntity } from './user.entity';

export * from './agency-result.entity';
export * from './audit-log.entity';
export * from './agency.entity';
export * from './indicator-scheme.entity';
export * from './period.entity';
export * from './scheme-indicator.entity';
export * from './scheme-version.entity';
export * from './submission-value.entity';
export * from './submission.entity';
export * from './user-session.entity';
export * from './user.entity';

export const ENTITIES = [
  AgencyEntity,
  AgencyResultEntity,
  AuditLogEntity,
  IndicatorSchemeEntity,
  PeriodEntity,
  SchemeIndicatorEntity,
  SchemeVersionEntity,
  SubmissionEntity,
  SubmissionValueEntity,
  UserEntity,
  UserSessionEntity,
];
