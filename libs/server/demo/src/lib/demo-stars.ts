import type { EntityManager } from 'typeorm';
import {
  DEFAULT_STAR_COOLDOWN_MONTHS,
  DEFAULT_STAR_WEIGHTS,
  Ratio,
  evaluateStarRound,
  findCooldownConflict,
  shiftPeriod,
  type StarRoundCandidate,
} from '@scorecard/scoring';
import { integerBetween, randomFor } from './deterministic-random';
import type { DivisionAgency } from '@scorecard/server-provisioning';

const PUBLICITY_DAYS = 5;
const REASONS = [
  '全年窗口服务零差错，群众满意度高，多次收到参保群众感谢信。',
  '主动帮助异地就医人员办理备案，耐心细致，受到群众好评。',
  '坚持首问负责，对来访群众咨询一次讲清、一次办好。',
  '在扩面征缴工作中积极上门服务，超额完成本月任务。',
  '加班加点完成医疗费用审核，做到当日受理、及时结报。',
  'AB岗衔接顺畅，同事休假期间主动补位，业务不断档。',
  '网上咨询回复及时准确，48小时内答复率全科第一。',
  '热情接待离休老同志，上门为行动不便人员办理业务。',
];

interface DemoRound {
  period: string;
  agencyCode: string;
  selectedBy: string;
  candidates: {
    staffUsername: string;
    post: string;
    reason: string;
    evidence: { thankYouLetters: number; praises: number };
    work: string;
    leader: string;
    attendance: string;
    votes: number;
    nominatedAt: Date;
  }[];
  voters: string[];
  selectedAt: Date;
}

/**
 * Star history of the published months (一月一星): in about half of the months an agency names
 * candidates among its demo staff, scores them, the staff vote, and the best eligible one is star
 * (confirmed after publicity). Deterministic; nobody is star twice within 12 months, because the
 * same selection rules as the live feature decide.
 */
export async function seedDemoStars(
  manager: EntityManager,
  agencies: DivisionAgency[],
  publishedPeriods: string[],
  staffPosts: Map<string, string>,
): Promise<number> {
  const starPeriods = new Map<string, string[]>();
  const rounds: (DemoRound & { winner: string; total: string })[] = [];
  for (const agency of agencies) {
    const staff = [1, 2, 3, 4, 5].map((i) => `staff-${agency.code}-${i}`);
    // Newest month first, so the latest months (what the wall opens on) have the most stars.
    for (const period of [...publishedPeriods].sort().reverse()) {
      const random = randomFor(`stars/${agency.code}/${period}`);
      if (random() >= 0.5) continue;
      const round = demoRound(random, agency, period, staff, starPeriods, staffPosts);
      if (round.candidates.length === 0) continue;
      const evaluation = evaluateStarRound({
        period,
        candidates: round.candidates.map((candidate, index): StarRoundCandidate => ({
          id: String(index),
          nominatedAt: candidate.nominatedAt,
          work: Ratio.fromDecimal(candidate.work),
          leader: Ratio.fromDecimal(candidate.leader),
          attendance: Ratio.fromDecimal(candidate.attendance),
          votes: candidate.votes,
          withdrawn: false,
          starPeriods: starPeriods.get(candidate.staffUsername) ?? [],
        })),
        voters: round.voters.length,
        weights: DEFAULT_STAR_WEIGHTS,
        cooldownMonths: DEFAULT_STAR_COOLDOWN_MONTHS,
      });
      if (!evaluation.winner?.total) continue;
      const winner = round.candidates[Number(evaluation.winner.id)].staffUsername;
      starPeriods.set(winner, [...(starPeriods.get(winner) ?? []), period]);
      rounds.push({ ...round, winner, total: evaluation.winner.total.toFixed(2) });
    }
  }

  for (let i = 0; i < rounds.length; i += 200) {
    await insertRounds(manager, rounds.slice(i, i + 200));
  }
  return rounds.length;
}

function demoRound(
  random: () => number,
  agency: DivisionAgency,
  period: string,
  staff: string[],
  starPeriods: Map<string, string[]>,
  staffPosts: Map<string, string>,
): DemoRound {
  // Stars come from staff 1–3 (4 and 5 joined lately and have not been star yet, so the open month
  // always has eligible people); now and then one inside the cooldown is nominated and listed as ineligible.
  const senior = staff.slice(0, 3);
  const fresh = senior.filter(
    (username) =>
      findCooldownConflict({
        period,
        starPeriods: starPeriods.get(username) ?? [],
        cooldownMonths: DEFAULT_STAR_COOLDOWN_MONTHS,
      }) === null,
  );
  const nominees = shuffle(random, fresh);
  if (random() < 0.2) {
    const barred = senior.find((username) => !fresh.includes(username));
    if (barred) nominees.push(barred);
  }

  const monthAfter = Date.parse(`${shiftPeriod(period, 1)}-01T09:00:00+08:00`);
  const voters: string[] = [];
  const votes = new Map<string, number>();
  for (const voter of staff) {
    // Nobody votes for themselves; a few do not vote at all.
    const choices = nominees.filter((nominee) => nominee !== voter);
    if (choices.length === 0 || random() >= 0.85) continue;
    const choice = choices[integerBetween(random, 0, choices.length - 1)];
    voters.push(voter);
    votes.set(choice, (votes.get(choice) ?? 0) + 1);
  }
  const score = (min: number) => `${integerBetween(random, min, 99)}.${random() < 0.3 ? '5' : '0'}`;
  return {
    period,
    agencyCode: agency.code,
    selectedBy: agency.level === 'province' ? 'admin' : `head-${agency.code}`,
    candidates: nominees.map((staffUsername, index) => ({
      staffUsername,
      post: staffPosts.get(staffUsername) ?? '窗口服务员',
      reason: REASONS[integerBetween(random, 0, REASONS.length - 1)],
      evidence: {
        thankYouLetters: integerBetween(random, 0, 4),
        praises: integerBetween(random, 5, 60),
      },
      work: score(75),
      leader: score(70),
      attendance: score(80),
      votes: votes.get(staffUsername) ?? 0,
      nominatedAt: new Date(monthAfter + index * 3600_000),
    })),
    voters,
    selectedAt: new Date(monthAfter + 2 * 86_400_000),
  };
}

async function insertRounds(
  manager: EntityManager,
  rounds: (DemoRound & { winner: string; total: string })[],
): Promise<void> {
  await manager.query(
    `INSERT INTO star_round (period, agency_code) SELECT * FROM unnest($1::char(7)[], $2::char(6)[])`,
    [rounds.map((r) => r.period), rounds.map((r) => r.agencyCode)],
  );
  const candidates = rounds.flatMap((round) =>
    round.candidates.map((candidate) => ({ ...candidate, round, nominatedBy: round.selectedBy })),
  );
  const inserted: { id: string; period: string; agencyCode: string; staffUsername: string }[] =
    await manager.query(
      `INSERT INTO star_candidate (period, agency_code, staff_username, post, reason, evidence, work, leader, attendance,
                                 votes, nominated_at, nominated_by)
     SELECT * FROM unnest($1::char(7)[], $2::char(6)[], $3::text[], $4::text[], $5::text[], $6::jsonb[],
                          $7::numeric[], $8::numeric[], $9::numeric[], $10::int[], $11::timestamptz[], $12::text[])
     RETURNING id::text AS id, period, agency_code AS "agencyCode", staff_username AS "staffUsername"`,
      [
        candidates.map((c) => c.round.period),
        candidates.map((c) => c.round.agencyCode),
        candidates.map((c) => c.staffUsername),
        candidates.map((c) => c.post),
        candidates.map((c) => c.reason),
        candidates.map((c) => JSON.stringify(c.evidence)),
        candidates.map((c) => c.work),
        candidates.map((c) => c.leader),
        candidates.map((c) => c.attendance),
        candidates.map((c) => c.votes),
        candidates.map((c) => c.nominatedAt),
        candidates.map((c) => c.nominatedBy),
      ],
    );
  const voters = rounds.flatMap((round) => round.voters.map((username) => ({ round, username })));
  await manager.query(
    `INSERT INTO star_voter (period, agency_code, username) SELECT * FROM unnest($1::char(7)[], $2::char(6)[], $3::text[])`,
    [
      voters.map((v) => v.round.period),
      voters.map((v) => v.round.agencyCode),
      voters.map((v) => v.username),
    ],
  );
  const idOf = new Map(
    inserted.map((row) => [`${row.period}/${row.agencyCode}/${row.staffUsername}`, row.id]),
  );
  const ends = rounds.map(
    (round) => new Date(round.selectedAt.getTime() + PUBLICITY_DAYS * 86_400_000),
  );
  await manager.query(
    `UPDATE star_round r
        SET status = 'confirmed', star_candidate_id = s.candidate_id, total = s.total, selected_by = s.selected_by,
            selected_at = s.selected_at, publicity_ends_at = s.ends_at, confirmed_at = s.ends_at
       FROM unnest($1::char(7)[], $2::char(6)[], $3::bigint[], $4::numeric[], $5::text[], $6::timestamptz[],
                   $7::timestamptz[]) AS s (period, agency_code, candidate_id, total, selected_by, selected_at, ends_at)
      WHERE r.period = s.period AND r.agency_code = s.agency_code`,
    [
      rounds.map((r) => r.period),
      rounds.map((r) => r.agencyCode),
      rounds.map((r) => idOf.get(`${r.period}/${r.agencyCode}/${r.winner}`)),
      rounds.map((r) => r.total),
      rounds.map((r) => r.selectedBy),
      rounds.map((r) => r.selectedAt),
      ends,
    ],
  );
}

/** Fisher–Yates with the seeded generator. */
function shuffle<T>(random: () => number, items: readonly T[]): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = integerBetween(random, 0, i);
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}
