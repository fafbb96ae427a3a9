import { AgencyResultEntity } from './agency-result.entity';
import { AgencyEntity } from './agency.entity';
import { IndicatorSchemeEntity } from './indicator-scheme.entity';
import { PeriodEntity } from './period.entity';
import { SchemeIndicatorEntity } from './scheme-indicator.entity';
import { SubmissionValueEntity } from './submission-value.entity';
import { SubmissionEntity } from './submission.entity';
import { UserEntity } from './user.entity';

export {
  AgencyEntity,
  AgencyResultEntity,
  IndicatorSchemeEntity,
  PeriodEntity,
  SchemeIndicatorEntity,
  SubmissionEntity,
  SubmissionValueEntity,
  UserEntity,
};
export type { StoredIndicatorResult } from './agency-result.entity';

export const ENTITIES = [
  AgencyEntity,
  AgencyResultEntity,
  IndicatorSchemeEntity,
  PeriodEntity,
  SchemeIndicatorEntity,
  SubmissionEntity,
  SubmissionValueEntity,
  UserEntity,
];
