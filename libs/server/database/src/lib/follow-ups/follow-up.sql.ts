import type { EntityManager } from 'typeorm';

/**
 * The queries the follow-up tables (rectification, bad_review, appeal) share: one row by id, held
 * or not; a list's status filter where `overdue` is derived; and the open and overdue counts per
 * agency. `source` is `<table> <alias>` and `columns` the row's select list, both ours.
 */

/** The row `id`; with `forUpdate`, locked until the transaction ends (its steps queue up). */
export async function findFollowUp<Row>(
  manager: EntityManager,
  from: { source: string; columns: string },
  id: string,
  forUpdate = false,
): Promise<Row | null> {
  const [alias] = from.source.split(' ').slice(-1);
  const rows: Row[] = await manager.query(
    `SELECT ${from.columns} FROM ${from.source} WHERE ${alias}.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** The rows matching `where` (on the source's alias), nearest deadline first. */
export function selectByDeadline<Row>(
  manager: EntityManager,
  from: { source: string; columns: string },
  where: string,
  params: unknown[],
): Promise<Row[]> {
  const [alias] = from.source.split(' ').slice(-1);
  return manager.query(
    `SELECT ${from.columns} FROM ${from.source} WHERE ${where} ORDER BY ${alias}.deadline, ${alias}.id`,
    params,
  );
}

/**
 * A list's filter on a (derived) status, binding the stored status as parameter `$param`: overdue
 * is its own filter, and a stored status excludes the overdue rows. Answers the SQL and the
 * parameters to append.
 */
export function statusFilter(
  overdue: string,
  alias: string,
  status: string | undefined,
  param: number,
): { sql: string; params: string[] } {
  if (status === undefined) return { sql: 'true', params: [] };
  if (status === 'overdue') return { sql: overdue, params: [] };
  return { sql: `(${alias}.status = $${param} AND NOT ${overdue})`, params: [status] };
}

/**
 * Per agency of `agencyCodes`, its rows still to handle (`pending`, any month) and how many of
 * them are overdue: one grouped query. Agencies without any are absent.
 */
export async function pendingCountsByAgency(
  manager: EntityManager,
  from: { source: string; pending: string; overdue: string },
  agencyCodes: string[],
): Promise<Map<string, { open: number; overdue: number }>> {
  const [alias] = from.source.split(' ').slice(-1);
  const rows: { agencyCode: string; open: number; overdue: number }[] = await manager.query(
    `SELECT ${alias}.agency_code AS "agencyCode", count(*)::int AS open,
            count(*) FILTER (WHERE ${from.overdue})::int AS overdue
       FROM ${from.source}
      WHERE ${alias}.agency_code = ANY($1::text[]) AND ${from.pending}
      GROUP BY ${alias}.agency_code`,
    [agencyCodes],
  );
  return new Map(rows.map((row) => [row.agencyCode, { open: row.open, overdue: row.overdue }]));
}
