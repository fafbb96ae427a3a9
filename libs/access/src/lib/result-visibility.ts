import type { Caller } from './roles';
import { hasPermission } from './reach';

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

/**
 * The one rule for every view of results (league tables, scorecards, trends): a published month
 * is shown as published; a month being corrected after publication shows its last published
 * version to everyone who may not read drafts; a month never published shows them no score.
 * `requested` asks for one published version explicitly (null when it does not exist).
 */
export function visibleResults(
  caller: Pick<Caller, 'role'>,
  month: MonthPublication,
  requested?: number,
): VisibleResults | null {
  if (requested !== undefined) {
    return requested >= 1 && requested <= month.publishedVersion
      ? { kind: 'published', version: requested }
      : null;
  }
  const seesDrafts = hasPermission(caller, 'results.read_draft');
  if (month.publishedVersion > 0 && (month.status === 'published' || !seesDrafts)) {
    return { kind: 'published', version: month.publishedVersion };
  }
  return seesDrafts ? { kind: 'draft' } : { kind: 'none' };
}
