import type { ScorecardDto } from '@scorecard/contracts';
import type { AgencyResultEntity } from '@scorecard/server-database';

type StoredRanks = Pick<
  AgencyResultEntity,
  | 'rankInParent'
  | 'parentSize'
  | 'rankChangeInParent'
  | 'rankInLevel'
  | 'levelSize'
  | 'rankChangeInLevel'
  | 'rankInNation'
  | 'nationSize'
  | 'rankChangeInNation'
>;

/**
 * An agency's places as the scorecard and the feedback sheet show them: in its parent, in its level
 * inside the province and, under a nation root, in the country. `hidden` keeps the group sizes and
 * leaves the places out (figures shown before results may be).
 */
export function toAgencyRanks(result: StoredRanks, hidden = false): ScorecardDto['ranks'] {
  const place = (rank: number | null, of: number, rankChange: number | null) =>
    hidden ? { rank: null, of, rankChange: null } : { rank, of, rankChange };
  return {
    inParent: place(result.rankInParent, result.parentSize, result.rankChangeInParent),
    inLevel: place(result.rankInLevel, result.levelSize, result.rankChangeInLevel),
    inNation:
      result.nationSize === null
        ? null
        : place(result.rankInNation, result.nationSize, result.rankChangeInNation),
  };
}
