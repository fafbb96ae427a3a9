import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { ImportUploadRepository } from '@scorecard/server-database';

const SUFFIX = '.upload';
/** `<import id>.upload`: only such files in the scratch folder are this worker's to sweep. */
const COPY_NAME = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.upload$/;
/** A local copy nobody touched for this long belongs to a worker that was killed. */
export const SCRATCH_STALE_MS = 60_000;
/** How often the worker reading a local copy marks it as in use. */
export const SCRATCH_TOUCH_MS = 5_000;
/** How often the scratch folder is swept besides before each import. */
const SWEEP_INTERVAL_MS = 10_000;

/** A stored upload copied to this worker's disk for the readers, removed once read. */
export interface ScratchFile {
  path: string;
  /** Marks the copy as in use, so that no sweep takes it. */
  touch(): Promise<void>;
  remove(): Promise<void>;
}

/**
 * The worker's own scratch space (`IMPORT_DIR`, on its own disk): the upload the worker is
 * importing is copied here from PostgreSQL, a chunk at a time, and removed when the import ends,
 * whatever the outcome. A copy left by a worker killed mid-import (its job then runs again,
 * perhaps on another host) is swept by the workers on the same disk, at their start, before each
 * import and every few seconds: once its import is over (its upload no longer stored), or when no
 * worker has touched it for {@link SCRATCH_STALE_MS}.
 */
@Injectable()
export class ImportScratch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ImportScratch.name);
  private readonly inUse = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly uploads: ImportUploadRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweepQuietly();
    this.timer = setInterval(() => void this.sweepQuietly(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** A sweep that fails (PostgreSQL away, say) is tried again later, never stopping the worker. */
  private sweepQuietly(): Promise<void> {
    return this.sweep().catch((error: unknown) =>
      this.logger.warn(`Cannot sweep ${this.config.importDir}: ${String(error)}`),
    );
  }

  /**
   * Copies the import's stored upload to a local file. Null when the upload is gone; throws when
   * the copy is not the file that was uploaded (its content hash differs).
   */
  async copy(importId: string, contentHash: string): Promise<ScratchFile | null> {
    await this.sweep();
    if (!(await this.uploads.has(importId))) return null;
    await mkdir(this.config.importDir, { recursive: true });
    const path = join(this.config.importDir, `${importId}${SUFFIX}`);
    this.inUse.add(path);
    const remove = async () => {
      this.inUse.delete(path);
      await rm(path, { force: true });
    };
    try {
      const hash = createHash('sha256');
      const hashing = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      // One chunk read ahead at most (a readable from a generator would otherwise buffer sixteen).
      const chunks = Readable.from(this.uploads.read(importId), { highWaterMark: 1 });
      await pipeline(chunks, hashing, createWriteStream(path));
      const copied = hash.digest('hex');
      if (copied !== contentHash.trim()) {
        throw new Error(
          `Import ${importId}: the stored upload reads ${copied}, not the ${contentHash} uploaded`,
        );
      }
    } catch (error) {
      await remove();
      throw error;
    }
    return {
      path,
      touch: async () => {
        const now = new Date();
        await utimes(path, now, now).catch(() => undefined);
      },
      remove,
    };
  }

  /** Removes local copies left behind by a worker that was killed. */
  async sweep(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.config.importDir);
    } catch {
      return;
    }
    const cutoff = Date.now() - SCRATCH_STALE_MS;
    for (const name of names) {
      const importId = COPY_NAME.exec(name)?.[1];
      const path = join(this.config.importDir, name);
      if (!importId || this.inUse.has(path)) continue;
      const stale =
        !(await this.uploads.has(importId)) ||
        (await stat(path).then(
          (found) => found.mtimeMs < cutoff,
          () => false,
        ));
      if (stale) {
        await rm(path, { force: true });
        this.logger.log(`Removed ${name}, left by a worker that stopped mid-import`);
      }
    }
  }
}
