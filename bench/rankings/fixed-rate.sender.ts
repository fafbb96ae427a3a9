import { Agent, request } from 'node:http';

/**
 * The fixed-rate load, sent from a process of its own: the bench's process also runs autocannon and
 * keeps what it measured, and a garbage collection or a late timer there would delay requests and
 * be counted as the API's latency. Forked by rankings.bench.ts; it receives one FixedRateOrder over
 * IPC, sends it, answers with FixedRateResult and exits.
 */
export interface FixedRateOrder {
  url: string;
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  connections: number;
}

export interface FixedRateResult {
  total: number;
  elapsedSeconds: number;
  failed: number;
  /** Each request's latency in ms, from when it was due to the answer's last byte, sorted. */
  latencies: number[];
}

/**
 * `rate` requests a second for `seconds`, each sent when it is due (open loop: a slow answer does not
 * delay the next request, as it would with a fixed set of connections each waiting for its answer),
 * over at most `connections` keep-alive connections; each latency runs from when its request was due
 * to the answer's last byte, so waiting for a free connection, or a late timer, counts too.
 */
export function sendAtFixedRate(order: FixedRateOrder): Promise<FixedRateResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: order.connections });
  const total = order.rate * order.seconds;
  // Preallocated: the sender keeps nothing per request but one number.
  const latencies = new Float64Array(total);
  let measured = 0;
  let sent = 0;
  let finished = 0;
  let failed = 0;
  const start = performance.now();
  return new Promise((resolvePromise) => {
    const done = (latency: number | null) => {
      if (latency === null) failed += 1;
      else latencies[measured++] = latency;
      finished += 1;
      if (finished < total) return;
      const elapsedSeconds = (performance.now() - start) / 1000;
      agent.destroy();
      resolvePromise({
        total,
        elapsedSeconds,
        failed,
        latencies: Array.from(latencies.subarray(0, measured).sort()),
      });
    };
    const tick = () => {
      const due = Math.min(
        total,
        Math.floor(((performance.now() - start) * order.rate) / 1000) + 1,
      );
      while (sent < due) {
        const dueAt = start + (sent * 1000) / order.rate;
        sent += 1;
        request(order.url, { agent, headers: order.headers }, (response) => {
          response.resume();
          response.on('end', () =>
            done(
              response.statusCode === 200 || response.statusCode === 304
                ? performance.now() - dueAt
                : null,
            ),
          );
          response.on('error', () => done(null));
        })
          .on('error', () => done(null))
          .end();
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
}

if (require.main === module) {
  process.once('message', (order: FixedRateOrder) => {
    void sendAtFixedRate(order).then((result) => {
      process.send?.(result, () => process.exit(0));
    });
  });
}
