import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type StarRoundStatus = 'open' | 'publicizing' | 'confirmed';

export interface StarRules {
  year: number;
  weights: { work: number; peer: number; leader: number; attendance: number };
  cooldownMonths: number;
  publicityDays: number;
}

export interface StarRound {
  period: string;
  agencyCode: string;
  status: StarRoundStatus;
  starCandidateId: string | null;
  total: string | null;
  selectedAt: Date | null;
  selectedBy: string | null;
  publicityEndsAt: Date | null;
  confirmedAt: Date | null;
}

export interface StarEvidence {
  thankYouLetters?: number;
  praises?: number;
  note?: string;
}

export interface StarCandidateRow {
  id: string;
  period: string;
  agencyCode: string;
  staffUsername: string;
  /** The person's display name. */
  name: string;
  post: string;
  reason: string;
  evidence: StarEvidence | null;
  /** Scores as exact decimal text (numeric(5, 2)); null until set. */
  work: string | null;
  leader: string | null;
  attendance: string | null;
  votes: number;
  withdrawn: boolean;
  nominatedAt: Date;
  nominatedBy: string;
}

const ROUND_COLUMNS = `period, agency_code AS "agencyCode", status, star_candidate_id::text AS "starCandidateId",
  total::text AS total, selected_at AS "selectedAt", selected_by AS "selectedBy",
  publicity_ends_at AS "publicityEndsAt", confirmed_at AS "confirmedAt"`;

const CANDIDATE_COLUMNS = `c.id::text AS id, c.period, c.agency_code AS "agencyCode", c.staff_username AS "staffUsername",
  u.display_name AS name, c.post, c.reason, c.evidence, c.work::text AS work, c.leader::text AS leader,
  c.attendance::text AS attendance, c.votes, c.withdrawn, c.nominated_at AS "nominatedAt",
  c.nominated_by AS "nominatedBy"`;

/** Every query of the service star of the month (一月一星): rules, rounds, candidates, ballots, objections, the wall. */
@Injectable()
export class StarRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The star rules in force for a year: that year's scheme, or else the latest earlier one. */
  async findRules(
    year: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StarRules | null> {
    const rows: Record<string, string | number>[] = await manager.query(
      `SELECT year, star_weight_work::float8 AS work, star_weight_peer::float8 AS peer,
              star_weight_leader::float8 AS leader, star_weight_attendance::float8 AS attendance,
              star_cooldown_months AS "cooldownMonths", star_publicity_days AS "publicityDays"
         FROM indicator_scheme WHERE year <= $1 ORDER BY year DESC LIMIT 1`,
      [year],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      year: Number(row['year']),
      weights: {
        work: Number(row['work']),
        peer: Number(row['peer']),
        leader: Number(row['leader']),
        attendance: Number(row['attendance']),
      },
      cooldownMonths: Number(row['cooldownMonths']),
      publicityDays: Number(row['publicityDays']),
    };
  }

  /** Sets the star rules of a year's own scheme; false when that year has no scheme of its own. */
  async updateRules(manager: EntityManager, rules: StarRules): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE indicator_scheme
          SET star_weight_work = $2, star_weight_peer = $3, star_weight_leader = $4, star_weight_attendance = $5,
              star_cooldown_months = $6, star_publicity_days = $7
        WHERE year = $1`,
      [
        rules.year,
        rules.weights.work,
        rules.weights.peer,
        rules.weights.leader,
        rules.weights.attendance,
        rules.cooldownMonths,
        rules.publicityDays,
      ],
    );
    return affected > 0;
  }

  /** Creates the agency-month's round if it does not exist yet; true if it was created now. */
  async ensureRound(manager: EntityManager, period: string, agencyCode: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO star_round (period, agency_code) VALUES ($1, $2)
       ON CONFLICT (period, agency_code) DO NOTHING RETURNING period`,
      [period, agencyCode],
    );
    return rows.length > 0;
  }

  async findRound(
    period: string,
    agencyCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StarRound | null> {
    const rows: StarRound[] = await manager.query(
      `SELECT ${ROUND_COLUMNS} FROM star_round WHERE period = $1 AND agency_code = $2`,
      [period, agencyCode],
    );
    return rows[0] ?? null;
  }

  /** Locks the round for the rest of the transaction: every write to one agency-month serialises on it. */
  async findRoundForUpdate(
    manager: EntityManager,
    period: string,
    agencyCode: string,
  ): Promise<StarRound | null> {
    const rows: StarRound[] = await manager.query(
      `SELECT ${ROUND_COLUMNS} FROM star_round WHERE period = $1 AND agency_code = $2 FOR UPDATE`,
      [period, agencyCode],
    );
    return rows[0] ?? null;
  }

  /** In nomination order. */
  listCandidates(
    period: string,
    agencyCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StarCandidateRow[]> {
    return manager.query(
      `SELECT ${CANDIDATE_COLUMNS} FROM star_candidate c JOIN app_user u ON u.username = c.staff_username
        WHERE c.period = $1 AND c.agency_code = $2 ORDER BY c.nominated_at, c.id`,
      [period, agencyCode],
    );
  }

  async findCandidate(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StarCandidateRow | null> {
    const rows: StarCandidateRow[] = await manager.query(
      `SELECT ${CANDIDATE_COLUMNS} FROM star_candidate c JOIN app_user u ON u.username = c.staff_username
        WHERE c.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async insertCandidate(
    manager: EntityManager,
    candidate: {
      period: string;
      agencyCode: string;
      staffUsername: string;
      post: string;
      reason: string;
      evidence: StarEvidence | null;
      nominatedBy: string;
      nominatedAt?: Date;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO star_candidate (period, agency_code, staff_username, post, reason, evidence, nominated_by, nominated_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, coalesce($8, now())) RETURNING id::text AS id`,
      [
        candidate.period,
        candidate.agencyCode,
        candidate.staffUsername,
        candidate.post,
        candidate.reason,
        candidate.evidence === null ? null : JSON.stringify(candidate.evidence),
        candidate.nominatedBy,
        candidate.nominatedAt ?? null,
      ],
    );
    return rows[0].id;
  }

  async setScores(
    manager: EntityManager,
    id: string,
    scores: { work: string; leader: string; attendance: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE star_candidate SET work = $2, leader = $3, attendance = $4 WHERE id = $1`,
      [id, scores.work, scores.leader, scores.attendance],
    );
  }

  /**
   * The months in which each person was star (publicised or confirmed), in any agency, leaving out
   * the given agency-month.
   */
  async starPeriodsOf(
    usernames: string[],
    except: { period: string; agencyCode: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(usernames.map((username) => [username, []]));
    if (usernames.length === 0) return result;
    const rows: { username: string; period: string }[] = await manager.query(
      `SELECT c.staff_username AS username, r.period
         FROM star_round r JOIN star_candidate c ON c.id = r.star_candidate_id
        WHERE r.status IN ('publicizing', 'confirmed') AND c.staff_username = ANY($1)
          AND NOT (r.period = $2 AND r.agency_code = $3)
        ORDER BY r.period`,
      [usernames, except.period, except.agencyCode],
    );
    for (const row of rows) result.get(row.username)?.push(row.period);
    return result;
  }

  async countVoters(
    period: string,
    agencyCode: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    const rows: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM star_voter WHERE period = $1 AND agency_code = $2`,
      [period, agencyCode],
    );
    return rows[0].count;
  }

  async hasVoted(
    period: string,
    agencyCode: string,
    username: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM star_voter WHERE period = $1 AND agency_code = $2 AND username = $3`,
      [period, agencyCode, username],
    );
    return rows.length > 0;
  }

  /** The voter's sealed receipt of their ballot in the agency-month; null if none. */
  async findReceipt(
    period: string,
    agencyCode: string,
    username: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string | null> {
    const rows: { receipt: string | null }[] = await manager.query(
      `SELECT receipt FROM star_voter WHERE period = $1 AND agency_code = $2 AND username = $3`,
      [period, agencyCode, username],
    );
    return rows[0]?.receipt ?? null;
  }

  /**
   * Casts one secret ballot: records that the voter has voted in the agency-month (with the
   * receipt sealed for them alone) and adds one to the candidate's count, keeping no readable link
   * between the two. False if the voter had already voted.
   */
  async castVote(
    manager: EntityManager,
    ballot: {
      period: string;
      agencyCode: string;
      voter: string;
      candidateId: string;
      receipt: string;
    },
  ): Promise<boolean> {
    const voted: unknown[] = await manager.query(
      `INSERT INTO star_voter (period, agency_code, username, receipt) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING username`,
      [ballot.period, ballot.agencyCode, ballot.voter, ballot.receipt],
    );
    if (voted.length === 0) return false;
    await manager.query(`UPDATE star_candidate SET votes = votes + 1 WHERE id = $1`, [
      ballot.candidateId,
    ]);
    return true;
  }

  async select(
    manager: EntityManager,
    selection: {
      period: string;
      agencyCode: string;
      candidateId: string;
      total: string;
      selectedBy: string;
      selectedAt: Date;
      publicityEndsAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE star_round
          SET status = 'publicizing', star_candidate_id = $3, total = $4, selected_by = $5, selected_at = $6,
              publicity_ends_at = $7, confirmed_at = NULL
        WHERE period = $1 AND agency_code = $2`,
      [
        selection.period,
        selection.agencyCode,
        selection.candidateId,
        selection.total,
        selection.selectedBy,
        selection.selectedAt,
        selection.publicityEndsAt,
      ],
    );
  }

  /** Withdraws the selected star after an upheld objection: the round opens again without them. */
  async withdrawSelection(
    manager: EntityManager,
    period: string,
    agencyCode: string,
    candidateId: string,
  ): Promise<void> {
    await manager.query(`UPDATE star_candidate SET withdrawn = true WHERE id = $1`, [candidateId]);
    await manager.query(
      `UPDATE star_round
          SET status = 'open', star_candidate_id = NULL, total = NULL, selected_by = NULL, selected_at = NULL,
              publicity_ends_at = NULL, confirmed_at = NULL
        WHERE period = $1 AND agency_code = $2`,
      [period, agencyCode],
    );
  }

  async confirm(
    manager: EntityManager,
    period: string,
    agencyCode: string,
    at: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE star_round SET status = 'confirmed', confirmed_at = $3
        WHERE period = $1 AND agency_code = $2 AND status = 'publicizing'`,
      [period, agencyCode, at],
    );
  }

  /**
   * Rounds whose publicity window has ended with no objection open, locked for the caller's
   * transaction (skipping any another worker holds).
   */
  findDueForConfirmation(manager: EntityManager, now: Date, limit = 200): Promise<StarRound[]> {
    return manager.query(
      `SELECT ${ROUND_COLUMNS} FROM star_round r
        WHERE r.status = 'publicizing' AND r.publicity_ends_at <= $1
          AND NOT EXISTS (SELECT 1 FROM star_objection o
                           WHERE o.period = r.period AND o.agency_code = r.agency_code AND o.status = 'open')
        ORDER BY r.publicity_ends_at, r.period, r.agency_code
        LIMIT $2
        FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
  }

  /** Active users of an agency with the given roles. */
  async usersOf(
    agencyCode: string,
    roles: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ username: string; role: string; name: string; post: string | null }[]> {
    return manager.query(
      `SELECT username, role, display_name AS name, post FROM app_user
        WHERE agency_code = $1 AND role = ANY($2) AND NOT disabled ORDER BY username`,
      [agencyCode, roles],
    );
  }
}
