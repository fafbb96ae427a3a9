import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

export type CopyValue = string | number | boolean | null;

/**
 * Writes many rows into one table with `COPY … FROM STDIN` on the connection of the caller's
 * transaction (`manager` must come from `dataSource.transaction`): hundreds of thousands of rows
 * in one round trip, for bulk loads such as the national demo. `table` and `columns` are ours,
 * never the caller's input: identifiers cannot be bound as parameters.
 */
export async function copyRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]>,
): Promise<void> {
  const runner = manager.queryRunner;
  if (!runner || !runner.isTransactionActive) throw new Error('copyRows needs a transaction');
  const client = (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
  const copy = client.query(
    copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`),
  );
  await pipeline(Readable.from(csvLines(rows)), copy);
}

/** CSV in blocks of lines; null is an empty unquoted field, every text is quoted. */
function* csvLines(rows: Iterable<readonly CopyValue[]>): Generator<string> {
  let block = '';
  for (const row of rows) {
    block += row.map(csvField).join(',') + '\n';
    if (block.length > 1 << 16) {
      yield block;
      block = '';
    }
  }
  if (block.length > 0) yield block;
}

function csvField(value: CopyValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
  return String(value);
}
