import type { RankingsDto } from '@scorecard/contracts';
import { parseRankingQuery, rankingRequest, rankingView } from './ranking-filters';
import { loadRankings } from './ranking-table';
import type { RankingsQuery } from './rankings.api';

/** The one league table asked for ahead of its page, with the request it answers. */
let early: { key: string; answer: Promise<RankingsDto>; at: number } | null = null;
/** Past this, an answer asked for ahead (its page never opened) is not taken any more. */
const FRESH_MS = 10_000;
/** The table the page asked for itself last, and when: not asked for again ahead of it. */
let pageAsked: { key: string; at: number } | null = null;

function keyOf(query: RankingsQuery): string {
  return `${query.period}|${query.level}|${query.scope}|${query.parent ?? ''}|${query.view ?? 'full'}`;
}

/**
 * Asks for a league table as soon as the route to it is known, while the page's code (and the
 * charts') is still on its way: the page then takes this answer instead of asking again.
 */
export function prefetchRankings(query: RankingsQuery): void {
  const key = keyOf(query);
  if (early?.key === key && Date.now() - early.at < FRESH_MS) return;
  // The page came first (its code was quicker than this): it has asked already.
  if (pageAsked?.key === key && Date.now() - pageAsked.at < FRESH_MS) return;
  const answer = loadRankings(query);
  // A failure is the page's to report, when it takes the answer; none is left unhandled here.
  answer.catch(() => undefined);
  early = { key, answer, at: Date.now() };
}

/** The answer asked for ahead for this very query, once (a later visit asks afresh); else null. */
export function takePrefetchedRankings(query: RankingsQuery): Promise<RankingsDto> | null {
  const key = keyOf(query);
  if (!early || early.key !== key || Date.now() - early.at >= FRESH_MS) {
    pageAsked = { key, at: Date.now() };
    return null;
  }
  const { answer } = early;
  early = null;
  return answer;
}

/** From the rankings route's query, as the page will read it; nothing before a month is named. */
export function prefetchRankingsFor(
  query: Record<string, unknown>,
  user: { role: string } | null,
): void {
  if (!user) return;
  const national = user.role === 'national_admin';
  const { period, level, scope, parent } = rankingRequest(parseRankingQuery(query), national);
  if (period) prefetchRankings({ period, level, scope, parent, view: rankingView(national) });
}
