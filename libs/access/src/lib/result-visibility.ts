import type { AgencyTree } from '@scorecard/scoring';
import type { Caller } from './roles';
import { withinCallersProvince } from './national-scope';
import { hasPermission, reaches } from './reach';

/** What the caller is shown of a month's results. */
export type VisibleResults =
  /** The latest computation, published or not. */
  | { kind: 'draft' }
  /** A frozen published version. */
  | { kind: 'published'; version: number }
  /** Nothing scored: the month was never published and the caller may not see drafts. */
  | { kind: 'none' };

export interface MonthPublication {
  status: 'open' | 'locked' | 'published';
  /** 0 before the first publication. */
  publishedVersion: number;
}

export interface ResultsView {
  caller: Caller;
  month: MonthPublication;
  /** Every agency whose result the view shows (a league table's rows, a scorecard's agency). */
  agencies: readonly string[];
  tree: AgencyTree;
  /** One published version asked for explicitly. */
  requested?: number;
}

/**
 * The one rule for every view of results (league tables, scorecards, trends): a published month
 * is shown as published; a month being corrected after publication shows its last published
 * version to everyone who may not read drafts; a month never published shows them no score.
 * `requested` asks for one published version explicitly (null when it does not exist).
 *
 * Drafts are decided by the agencies the view shows, not by role: the caller sees a view in draft
 * only when it reaches every agency in it for `results.read_draft`. A city admin asking for its
 * counties' table gets the draft; asking for the table of every county in the province gets what
 * everyone else gets (the published table, or nothing before the first publication) — one table is
 * never half draft and half published, since its ranks would not agree with one another.
 */
export function visibleResults({ caller, month, agencies, tree, requested }: ResultsView): VisibleResults | null {
  // In a national tree, another province's results are not the caller's to see, published or not.
  if (!agencies.every((code) => withinCallersProvince(caller, code, tree))) return { kind: 'none' };
  if (requested !== undefined) {
    return requested >= 1 && requested <= month.publishedVersion
      ? { kind: 'published', version: requested }
      : null;
  }
  // An empty view shows nothing either way; the role alone decides it.
  const seesDrafts =
    hasPermission(caller, 'results.read_draft') &&
    agencies.every((code) => reaches(caller, 'results.read_draft', code, tree));
  if (month.publishedVersion > 0 && (month.status === 'published' || !seesDrafts)) {
    return { kind: 'published', version: month.publishedVersion };
  }
  return seesDrafts ? { kind: 'draft' } : { kind: 'none' };
}
