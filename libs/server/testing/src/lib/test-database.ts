import { Client } from 'pg';

let created = 0;

/**
 * A fresh, empty database on the test server for one test file, so files never see each other's
 * data. Returns its URL and a function that drops it.
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const baseUrl = process.env['SCORECARD_TEST_DATABASE_URL'];
  if (!baseUrl) throw new Error('SCORECARD_TEST_DATABASE_URL is not set: run the suite through its Jest config');
  const name = `scorecard_t${process.pid}_${Date.now().toString(36)}_${created++}`;
  await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
