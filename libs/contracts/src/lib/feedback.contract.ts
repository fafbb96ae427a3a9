import type { AgencyLevel } from './agency.contract';
import type { Grade, ScorecardDimensionDto, ScorecardDto, SchemeRefDto } from './ranking.contract';
import type { RectificationCounts, RectificationDto } from './rectification.contract';
import type { WarningDto } from './warning.contract';

/** One indicator of the feedback sheet that falls short of its target. */
export interface FeedbackIndicatorDto {
  code: string;
  nameZh: string;
  nameEn: string;
  /** The stored figures, exact decimals with 2 places (money as yuan). */
  numerator: string;
  denominator: string;
  monetary: boolean;
  /** Unrounded fractions, as everywhere: rate 0.878138…, target 0.98. */
  rate: number;
  target: number;
  floor: number;
  /** target − rate, computed exactly on the stored decimals (> 0). */
  gap: number;
  /** Unrounded 0–100. */
  score: number | null;
  /** At or below its floor (score 0): an automatic rectification item answers to it. */
  atFloor: boolean;
}

/**
 * `GET /agencies/:code/feedback?period=`: the agency's one-page feedback (反馈单) of a published
 * month, as its last published version stands.
 */
export interface FeedbackSheetDto {
  /** Who issues it (the province centre), and the region it covers. */
  issuer: string;
  region: string;
  agency: {
    code: string;
    name: string;
    level: AgencyLevel;
    parentCode: string | null;
    parentName: string | null;
  };
  period: string;
  version: number;
  /** ISO instant of the version's publication. */
  publishedAt: string | null;
  reported: boolean;
  score: number | null;
  grade: Grade | null;
  /** As the scorecard answers them. */
  ranks: ScorecardDto['ranks'];
  dimensions: ScorecardDimensionDto[];
  scheme: SchemeRefDto | null;
  /** Every applicable indicator below its target, largest gap first. */
  belowTarget: FeedbackIndicatorDto[];
  /** The agency's rectification items of the month, as `GET /rectifications` answers them. */
  rectifications: RectificationDto[];
  /** Its bad-review cases still to handle (any month), and how many are overdue. */
  badReviews: RectificationCounts;
  /** Its warnings (and improving streak) of the month, as `GET /warnings` answers them. */
  warnings: WarningDto[];
}
