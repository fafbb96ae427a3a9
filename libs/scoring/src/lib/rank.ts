export interface Rankable {
  code: string;
  /** The composite rounded to 2 decimals; null = not reported (未报送). */
  score: number | null;
}

export interface RankedEntry {
  code: string;
  score: number | null;
  /** null for unranked (not reported) entries. */
  rank: number | null;
}

/**
 * Standard competition ranking (1, 2, 2, 4) on score, descending; ties listed by code. Entries without
 * a score are never ranked or dropped: they follow the ranked ones, by code.
 */
export function rankAgencies(entries: Rankable[]): RankedEntry[] {
  const scored: { code: string; score: number; hundredths: number }[] = [];
  const unscored: RankedEntry[] = [];
  for (const { code, score } of entries) {
    if (score === null) {
      unscored.push({ code, score, rank: null });
    } else if (!Number.isFinite(score)) {
      throw new RangeError(`Agency ${code} has an invalid score: ${score}`);
    } else {
      // Whole hundredths: what people see tied (87.81 and 87.81) is tied, whatever the float noise.
      scored.push({ code, score, hundredths: Math.round(score * 100) });
    }
  }
  scored.sort((a, b) => b.hundredths - a.hundredths || compareCodes(a.code, b.code));
  unscored.sort((a, b) => compareCodes(a.code, b.code));

  // A tie takes the rank of the first entry of its group; the next score skips the tied places.
  let rank = 0;
  const ranked = scored.map(({ code, score, hundredths }, index): RankedEntry => {
    if (index === 0 || scored[index - 1].hundredths !== hundredths) {
      rank = index + 1;
    }
    return { code, score, rank };
  });
  return [...ranked, ...unscored];
}

/** previous − current: positive = moved up; null when either rank is missing. */
export function rankChange(
  previousRank: number | null | undefined,
  currentRank: number | null,
): number | null {
  if (previousRank == null || currentRank == null) {
    return null;
  }
  return previousRank - currentRank;
}

// Code-point order, not locale order, so every server sorts identically.
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
