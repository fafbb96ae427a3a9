export const WARNING_RULE_NAMES = [
  'fail_streak',
  'last_in_parent_streak',
  'below_floor_streak',
  'improving_streak',
] as const;
export type WarningRuleName = (typeof WARNING_RULE_NAMES)[number];

/** `GET /warnings?period=`: one warning (预警) or improving streak (进步) of an agency. */
export interface WarningDto {
  agencyCode: string;
  agencyName: string;
  rule: WarningRuleName;
  indicatorCode: string | null;
  months: number;
  since: string;
  /** The talk (约谈) the province recorded with the agency about the month; null if none. */
  talk: { heldOn: string; note: string; by: string } | null;
}

export interface RecordTalkRequest {
  period: string;
  agencyCode: string;
  note: string;
  heldOn: string;
}
