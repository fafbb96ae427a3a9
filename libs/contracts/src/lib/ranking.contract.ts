import type { RectificationCounts } from './rectification.contract';
import type { AgencyLevel } from './agency.contract';
import type { PeriodStatus } from './period.contract';

export const GRADES = ['excellent', 'good', 'pass', 'basic', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** `own` (本级): the agency's own counts; `aggregate` (全市): itself plus all descendants. */
export const SCOPES = ['own', 'aggregate'] as const;
export type Scope = (typeof SCOPES)[number];

export interface IndicatorResultDto {
  numerator: number;
  denominator: number;
  /** Unrounded fraction (0.878138…); null when the denominator is 0 (not applicable). */
  rate: number | null;
  /** Unrounded 0–100; null when not applicable. */
  score: number | null;
}

export interface RankingRowDto {
  /** Standard competition rank (1, 2, 2, 4); null when not reported. */
  rank: number | null;
  agencyCode: string;
  name: string;
  level: AgencyLevel;
  parentCode: string | null;
  /** Composite score rounded to 2 decimals; null when not reported. */
  score: number | null;
  grade: Grade | null;
  /** Previous month's rank − this month's (positive = moved up); null if none. */
  rankChange: number | null;
  reported: boolean;
  indicators: Record<string, IndicatorResultDto>;
  /** Rectification items of the agency not closed yet (any month), and how many are overdue. */
  rectifications?: RectificationCounts;
}

/** A window longer than a month (考核周期): a quarter, a half-year or a year. */
export const WINDOW_KINDS = ['quarter', 'half', 'year'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

/** What a window's figures cover: summed over its published months only. */
export interface WindowDto {
  kind: WindowKind;
  /** Months of the window that are published and counted, oldest first. */
  months: string[];
  /** Months of the window not counted: never published, or not ended yet. */
  missing: string[];
}

/** GET /api/rankings?period=&level=&parent=&scope= */
export interface RankingsDto {
  period: string;
  status: PeriodStatus;
  level: AgencyLevel;
  parent: string | null;
  scope: Scope;
  /** The published version served; null for draft results (province only). */
  version: number | null;
  /** When the version served was published (ISO); null for draft results. Always sent by the API. */
  publishedAt?: string | null;
  computedAt: string | null;
  stale: boolean;
  /** The scheme version the results were computed under (方案 2026 v2); null before any result. */
  scheme: SchemeRefDto | null;
  /** Ranked rows first (by rank, then code), then the 未报送 rows by code. */
  rows: RankingRowDto[];
  /** Present when `period` is a quarter, a half-year or a year (`2026-Q3`, `2026-H1`, `2026`). */
  window?: WindowDto;
}

/**
 * How much `GET /rankings` tells of each row: `full` (the default, RankingsDto) or `table`
 * (RankingTableDto): what a league table lists, for the nation's tables of thousands of rows.
 */
export const RANKING_VIEWS = ['full', 'table'] as const;
export type RankingView = (typeof RANKING_VIEWS)[number];

/**
 * A row of `view=table`: the row without its level (the table's), its rectification counts and its
 * indicators' scores; each indicator's figures as `[numerator, denominator]` in the order of the
 * answer's `indicatorCodes`, null where the row has none. The rate is numerator / denominator
 * (null when the denominator is 0).
 */
export interface RankingTableRowDto extends Omit<
  RankingRowDto,
  'level' | 'indicators' | 'rectifications'
> {
  figures: ([number, number] | null)[];
}

/** `GET /rankings?view=table`: the same answer as RankingsDto with compact rows. */
export interface RankingTableDto extends Omit<RankingsDto, 'rows'> {
  /** The indicators the rows' figures follow, in that order. */
  indicatorCodes: string[];
  rows: RankingTableRowDto[];
}

/** Which version of which year's scheme (考核方案) produced a result. */
export interface SchemeRefDto {
  year: number;
  version: number;
}

/** A dimension's (维度) subtotal: Σ weight × score / Σ weight over its applicable indicators. */
export interface ScorecardDimensionDto {
  name: string;
  /** Σ weight of the dimension's indicators in the scheme version. */
  weight: number;
  /** Rounded to 2 decimals as the composite is; null when none of its indicators applies. */
  score: number | null;
}

export interface RankPositionDto {
  rank: number | null;
  of: number;
}

export interface ScorecardIndicatorDto extends IndicatorResultDto {
  code: string;
  weight: number;
  target: number;
  floor: number;
  /** target − rate (positive = short of target); null when not applicable. */
  gapToTarget: number | null;
  /** Best rate among the agency's peers (same level, same scope). */
  best: number | null;
  /** Peers' rate as a ratio of sums. */
  average: number | null;
  gapToBest: number | null;
  gapToAverage: number | null;
}

export interface ScorecardTrendPointDto {
  period: string;
  score: number | null;
  grade: Grade | null;
  rankInParent: number | null;
  rankInLevel: number | null;
}

/** GET /api/agencies/:code/scorecard?period=&scope= */
export interface ScorecardDto {
  period: string;
  agencyCode: string;
  name: string;
  level: AgencyLevel;
  parentCode: string | null;
  scope: Scope;
  reported: boolean;
  /** Whether these are published results; otherwise the current draft, or the figures alone. */
  published: boolean;
  score: number | null;
  grade: Grade | null;
  ranks: {
    inParent: RankPositionDto & { rankChange: number | null };
    inLevel: RankPositionDto & { rankChange: number | null };
    /**
     * Within the level across the country; null when the tree has no nation root (a province's
     * own deployment). Always sent by the API.
     */
    inNation?: (RankPositionDto & { rankChange: number | null }) | null;
  };
  indicators: ScorecardIndicatorDto[];
  /** One subtotal per dimension, in the order the scheme first lists them; scores null when hidden. */
  dimensions: ScorecardDimensionDto[];
  /** The scheme version the results were computed under. */
  scheme: SchemeRefDto | null;
  /** The 12 months ending with `period`, oldest first. */
  trend: ScorecardTrendPointDto[];
  /** Rectification items of the agency not closed yet (any month), and how many are overdue. */
  rectifications?: RectificationCounts;
  /** Present when `period` is a quarter, a half-year or a year. */
  window?: WindowDto;
}
