import { Client } from 'pg';

export interface OwnDatabase {
  /** Where the database is, on the suite's PostgreSQL server. */
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of a spec's own on the suite's PostgreSQL server, for an API of its own (the
 * national demo, say); dropped with whatever is still connected to it.
 */
export async function createOwnDatabase(name: string): Promise<OwnDatabase> {
  const serverUrl = process.env['E2E_DATABASE_URL'];
  if (!serverUrl) throw new Error('The suite did not say where PostgreSQL listens');
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    },
  };
}
