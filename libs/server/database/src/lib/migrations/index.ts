import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { SecurityAndAudit1763900000000 } from './1763900000000-security-and-audit';
import { MonthLifecycle1764000000000 } from './1764000000000-month-lifecycle';
import { RawRecordImports1764100000000 } from './1764100000000-raw-record-imports';
import { ServiceStars1764300000000 } from './1764300000000-service-stars';
import { NationalAdminRole1764350000000 } from './1764350000000-national-admin-role';
import { DraftSubmissions1764400000000 } from './1764400000000-draft-submissions';
import { LoginFailuresPerAddress1764500000000 } from './1764500000000-login-failures-per-address';
import { ImportFailures1764600000000 } from './1764600000000-import-failures';
import { ImportConfirmation1764610000000 } from './1764610000000-import-confirmation';
import { StarBallotReceipts1764630000000 } from './1764630000000-star-ballot-receipts';
import { MustChangePassword1764640000000 } from './1764640000000-must-change-password';
import { WorkingCalendar1764650000000 } from './1764650000000-working-calendar';
import { SchemeVersions1764660000000 } from './1764660000000-scheme-versions';
import { ImportUploadChunks1764670000000 } from './1764670000000-import-upload-chunks';
import { Rectifications1764690000000 } from './1764690000000-rectifications';
import { SessionChangeNotices1764700000000 } from './1764700000000-session-change-notices';
import { AppealsAndWarningTalks1764710000000 } from './1764710000000-appeals-and-warning-talks';
import { BadReviews1764720000000 } from './1764720000000-bad-reviews';
import { RankingChangeNotices1764770000000 } from './1764770000000-ranking-change-notices';
import { RawRecordsByAgency1764780000000 } from './1764780000000-raw-records-by-agency';
import { NationalRanks1764790000000 } from './1764790000000-national-ranks';
import { PeriodParts1764800000000 } from './1764800000000-period-parts';
import { ResultStaleMarks1764810000000 } from './1764810000000-result-stale-marks';
import { SupersededRawRecords1764840000000 } from './1764840000000-superseded-raw-records';
import { BadReviewWithdrawnOutcome1764850000000 } from './1764850000000-bad-review-withdrawn-outcome';

/** In order; TypeORM records the applied ones in the `migrations` table. */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  SecurityAndAudit1763900000000,
  MonthLifecycle1764000000000,
  RawRecordImports1764100000000,
  ServiceStars1764300000000,
  NationalAdminRole1764350000000,
  DraftSubmissions1764400000000,
  LoginFailuresPerAddress1764500000000,
  ImportFailures1764600000000,
  ImportConfirmation1764610000000,
  StarBallotReceipts1764630000000,
  MustChangePassword1764640000000,
  WorkingCalendar1764650000000,
  SchemeVersions1764660000000,
  ImportUploadChunks1764670000000,
  Rectifications1764690000000,
  SessionChangeNotices1764700000000,
  AppealsAndWarningTalks1764710000000,
  BadReviews1764720000000,
  RankingChangeNotices1764770000000,
  RawRecordsByAgency1764780000000,
  NationalRanks1764790000000,
  PeriodParts1764800000000,
  ResultStaleMarks1764810000000,
  SupersededRawRecords1764840000000,
  BadReviewWithdrawnOutcome1764850000000,
];
