import type { AgencyLevel } from './agency.contract';
import type { Grade } from './ranking.contract';

/** One indicator of a scheme version, as the editor reads and writes it. */
export interface SchemeIndicatorDto {
  /** `[a-z][a-z0-9_]*`, unique within the version. */
  code: string;
  nameZh: string;
  nameEn: string;
  /** 维度: indicators of one dimension get a subtotal on the scorecard (e.g. 业务经办, 服务质量). */
  dimension: string;
  /** What is counted above the line (e.g. 新增参保人数). */
  numeratorLabel: string;
  /** What is counted below the line (e.g. 月度扩面任务数). */
  denominatorLabel: string;
  /** A positive integer; a version's weights sum to 100. */
  weight: number;
  /** Fraction (0.98 = 98 %): at or above it the indicator scores 100. */
  target: number;
  /** Fraction, below `target`: at or below it the indicator scores 0. */
  floor: number;
  /** Whether the numerator may exceed the denominator (扩面任务完成率 may pass 100 %). */
  allowAbove: boolean;
  /** Whether figures are money in yuan with 2 decimals rather than counts. */
  monetary: boolean;
}

/** A grade band: composites at or above `min` (and below the band above) get this grade. */
export interface SchemeGradeDto {
  code: Grade;
  label: string;
  min: number;
}

export interface SchemeWarningsDto {
  /** Graded `fail` this many published months running → 约谈. */
  failMonths: number;
  /** Last within its parent this many months running → 约谈. */
  lastMonths: number;
  /** An indicator at or below its floor this many months running → 约谈. */
  belowFloorMonths: number;
  /** Rank up this many months running → 进步. */
  improvingMonths: number;
}

/** The body of `PUT /api/schemes/:year` and of its preview. */
export interface SchemeBodyDto {
  /** YYYY-MM within the year: the first month computed under this version. */
  effectiveFrom: string;
  /** Why the scheme changes; kept in the audit log and the version list. */
  reason: string;
  dueDay: number;
  dueOnWorkingDay: boolean;
  rectifyWorkingDays: number;
  appealWorkingDays: number;
  badReviewWorkingDays: number;
  warnings: SchemeWarningsDto;
  /** The five bands, strictly descending by `min`; the last one's `min` is 0. */
  grades: SchemeGradeDto[];
  indicators: SchemeIndicatorDto[];
}

/**
 * `GET /api/schemes/:year` — the year's latest version (`?period=YYYY-MM`: the version in force that
 * month). What it answers, less `year`, is what `PUT` takes: `version` there names the version edited,
 * and a newer one saved meanwhile makes the PUT a 409.
 */
export interface SchemeDto extends SchemeBodyDto {
  year: number;
  /** 1 for the year's first version; each PUT adds one. */
  version: number;
}

/** `GET /api/schemes/:year/versions` — the year's versions, oldest first. */
export interface SchemeVersionDto {
  version: number;
  effectiveFrom: string;
  reason: string;
  createdBy: string | null;
  createdAt: string;
}

/** `POST /api/schemes/:year/preview` — the draft applied to the last published month. */
export interface SchemePreviewDto {
  /** The month previewed (the last published one); null when none is published yet. */
  period: string | null;
  rows: {
    agencyCode: string;
    name: string;
    level: AgencyLevel;
    parentCode: string | null;
    /** Today's published composite and rank within its level; null when not reported. */
    score: number | null;
    rank: number | null;
    draftScore: number | null;
    draftRank: number | null;
  }[];
}
