import { type Server, type Socket, createConnection, createServer } from 'node:net';

export interface DatabaseGate {
  /** The database URL through the gate. */
  url: string;
  /** The database goes away: every connection is cut and new ones are refused. */
  close(): Promise<void>;
  /** The database is back on the same address. */
  open(): Promise<void>;
}

/**
 * A TCP gate in front of the suite's real PostgreSQL, for an API started on it: closing the gate is,
 * for that API, the database going down (connections reset, then refused), without stopping the
 * PostgreSQL the rest of the suite uses.
 */
export async function openDatabaseGate(databaseUrl: string): Promise<DatabaseGate> {
  const target = new URL(databaseUrl);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => {
        port = (next.address() as { port: number }).port;
        server = next;
        resolve();
      });
    });

  await listen();
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
        server = null;
      }),
    open: listen,
  };
}
