import type { AgencyResultEntity } from '@scorecard/server-database';
import {
  type PeriodResultsInput,
  evaluatePeriodResults,
  rankPeriodResults,
} from './period-results.calculator';

export interface RefreshedResults {
  /**
   * Every result row of the month, as a full computation would give them (the per-indicator
   * figures of the agencies not evaluated again are the stored ones, as given).
   */
  rows: AgencyResultEntity[];
  /** The agencies evaluated again whose rows differ from the stored ones: to be written whole. */
  changed: AgencyResultEntity[];
  /** The other agencies whose ranks moved: only their ranks are to be written. */
  reranked: AgencyResultEntity[];
}

const SCALARS = [
  'reported',
  'score',
  'grade',
  'rankInParent',
  'parentSize',
  'rankChangeInParent',
  'rankInLevel',
  'levelSize',
  'rankChangeInLevel',
  'rankInNation',
  'nationSize',
  'rankChangeInNation',
  'schemeYear',
  'schemeVersion',
] as const satisfies readonly (keyof AgencyResultEntity)[];

/**
 * Brings a month's stored results up to date after figures of `touched` agencies changed: those
 * agencies and their ancestors (whose aggregate includes them) are evaluated again, in both scopes,
 * and the rank groups any of them sits in are ranked again from the stored scores of the others —
 * the halves of `calculatePeriodResults`, so the rows are those a full computation gives. Null
 * when the stored rows cannot serve as the base (an agency or scope missing, an extra row, another
 * scheme version): then the month is computed whole. Pure.
 */
export function refreshResults(
  input: PeriodResultsInput,
  stored: readonly AgencyResultEntity[],
  touched: readonly string[],
): RefreshedResults | null {
  const storedByKey = new Map(stored.map((row) => [`${row.agencyCode}/${row.scope}`, row]));
  if (stored.length !== input.agencies.length * 2) return null;
  for (const row of stored) {
    if (
      row.schemeYear !== (input.schemeVersion?.year ?? null) ||
      row.schemeVersion !== (input.schemeVersion?.version ?? null)
    ) {
      return null;
    }
  }
  for (const agency of input.agencies) {
    if (!storedByKey.has(`${agency.code}/own`) || !storedByKey.has(`${agency.code}/aggregate`)) return null;
  }

  const affected = withAncestors(input.agencies, touched);

  const evaluated = new Map(
    evaluatePeriodResults(input, affected).map((row) => [`${row.agencyCode}/${row.scope}`, row]),
  );
  const merged: AgencyResultEntity[] = [];
  for (const scope of ['own', 'aggregate'] as const) {
    for (const agency of input.agencies) {
      const key = `${agency.code}/${scope}`;
      merged.push(evaluated.get(key) ?? (storedByKey.get(key) as AgencyResultEntity));
    }
  }
  const reranked = new Map(
    rankPeriodResults({
      agencies: input.agencies,
      rows: merged,
      previousRanks: input.previousRanks,
      groupsOf: affected,
    }).map((row) => [`${row.agencyCode}/${row.scope}`, row]),
  );
  const rows = merged.map((row) => reranked.get(`${row.agencyCode}/${row.scope}`) ?? row);
  const differing = rows.filter(
    (row) => !sameResult(row, storedByKey.get(`${row.agencyCode}/${row.scope}`) as AgencyResultEntity),
  );
  return {
    rows,
    changed: differing.filter((row) => affected.has(row.agencyCode)),
    reranked: differing.filter((row) => !affected.has(row.agencyCode)),
  };
}

/** The agencies given and every ancestor of theirs: those whose evaluation a change of theirs moves. */
export function withAncestors(
  agencies: readonly { code: string; parentCode: string | null }[],
  codes: readonly string[],
): Set<string> {
  const parentOf = new Map(agencies.map((agency) => [agency.code, agency.parentCode]));
  const affected = new Set<string>();
  for (const code of codes) {
    for (let at: string | null | undefined = code; at && parentOf.has(at) && !affected.has(at); at = parentOf.get(at)) {
      affected.add(at);
    }
  }
  return affected;
}

/** Whether two result rows of the same agency, month and scope hold the same values. */
export function sameResult(a: AgencyResultEntity, b: AgencyResultEntity): boolean {
  if (SCALARS.some((field) => a[field] !== b[field])) return false;
  const codes = Object.keys(a.indicators);
  if (codes.length !== Object.keys(b.indicators).length) return false;
  return codes.every((code) => {
    const x = a.indicators[code];
    const y = b.indicators[code];
    return (
      y !== undefined &&
      x.numerator === y.numerator &&
      x.denominator === y.denominator &&
      x.rate === y.rate &&
      x.score === y.score
    );
  });
}
