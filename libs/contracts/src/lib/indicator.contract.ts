/** GET /api/indicators?period= (or ?year=) — the indicators of the scheme version in force. */
export interface IndicatorDto {
  code: string;
  nameZh: string;
  nameEn: string;
  /** 维度 (业务经办, 服务质量…): the scorecard subtotals each dimension. */
  dimension: string;
  /** What the numerator counts (新增参保人数). */
  numeratorLabel: string;
  /** What the denominator counts (月度扩面任务数). */
  denominatorLabel: string;
  /** Relative weight (the default scheme sums to 100). */
  weight: number;
  /** Target rate as a fraction (0.98 = 98 %): at or above it the indicator scores 100. */
  target: number;
  /** Floor rate as a fraction: at or below it the indicator scores 0. */
  floor: number;
  /** Whether the numerator may exceed the denominator (enrollment expansion). */
  allowsOverTarget: boolean;
  /** Whether figures are money in yuan (2 decimals) rather than counts. */
  monetary: boolean;
  sortOrder: number;
}
