import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ImportFileRepository, PeriodRepository } from '@scorecard/server-database';
import { ComputePeriodProducer } from './compute-period.producer';
import { ImportFileProducer } from './import-file.producer';

/** How often every process turns what PostgreSQL says is due into jobs. */
export const RELAY_INTERVAL_MS = 3000;

/**
 * Turns what PostgreSQL records as due into jobs, whenever Redis answers: a month whose data
 * revision is ahead of its computed one gets its computation queued, an accepted upload still
 * `queued` gets its import job (one waiting for its uploader's confirmation, `needs_confirmation`,
 * is not queued, and so never re-queued), and an import whose job failed for good (its worker killed
 * again and again, or the file unreadable) ends `failed` with its upload removed. A save or an
 * upload therefore never waits on Redis. Runs in every api and worker process,
 * every {@link RELAY_INTERVAL_MS} (so within seconds of Redis coming back); every step is idempotent (deterministic
 * job ids, one computation per month in flight, conditional updates), so N relays never double
 * count.
 */
@Injectable()
export class QueueRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private failing = false;
  private stopped = false;

  constructor(
    private readonly periods: PeriodRepository,
    private readonly files: ImportFileRepository,
    private readonly compute: ComputePeriodProducer,
    private readonly imports: ImportFileProducer,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), RELAY_INTERVAL_MS);
    // The first pass waits a turn too: a process starting up may still be migrating.
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; a pass already under way is joined rather than doubled. Never throws. */
  sweep(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.sweepOnce().finally(() => (this.running = null));
    return this.running;
  }

  private async sweepOnce(): Promise<void> {
    try {
      for (const month of await this.periods.findStale()) {
        if (this.stopped) return;
        await this.compute.enqueue({ period: month.period, revision: month.dataRevision }, { retryFailed: false });
      }
      for (const file of await this.files.findQueued()) {
        if (this.stopped) return;
        await this.relayImport(file);
      }
      if (this.failing) this.logger.log('The queue answers again; what waited in PostgreSQL is queued');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`Cannot relay to the queue yet: ${String(error)}`);
      this.failing = true;
    }
  }

  private async relayImport(file: { id: string; stored: boolean }): Promise<void> {
    const job = await this.imports.stateOf(file.id);
    if (job.state === 'absent' && file.stored) {
      await this.imports.enqueue({ importId: file.id });
    } else if (job.state === 'done' && file.stored) {
      // Its run ended while it is queued still: it was confirmed since and its job not yet renewed.
      // (A run records the import's outcome before it ends, so one read now tells which.)
      if ((await this.files.find(file.id))?.status !== 'queued') return;
      await this.imports.remove(file.id);
      await this.imports.enqueue({ importId: file.id });
    } else if (job.state === 'failed') {
      // Its stored upload goes in the statement that ends it: nothing of it is left behind.
      if (await this.files.markFailed(file.id, importFailureOf(job.reason))) {
        this.logger.warn(`Import ${file.id} failed for good: ${job.reason ?? 'no reason given'}`);
      }
    }
  }
}

/** What a user is told of an import whose job failed for good. */
export function importFailureOf(failedReason: string | null): 'interrupted' | 'error' {
  return failedReason && /stalled/i.test(failedReason) ? 'interrupted' : 'error';
}
