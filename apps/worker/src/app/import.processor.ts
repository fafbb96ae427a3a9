import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { agenciesReachable, isRole } from '@scorecard/access';
import type { ImportDto } from '@scorecard/contracts';
import { buildAgencyTree } from '@scorecard/scoring';
import {
  AgencyRepository,
  ImportFileRepository,
  RawRecordImporter,
  SchemeRepository,
  pickSchemeInForce,
  type StagedRecord,
  toImportDto,
} from '@scorecard/server-database';
import { importErrorRenderer, type ImportKind, readImportFile } from '@scorecard/server-imports';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { ComputePeriodProducer, type ImportFileJobData, QueueName } from '@scorecard/server-queue';
import { ImportScratch, SCRATCH_TOUCH_MS } from './import-scratch';

const MAX_REPORTED_ERRORS = 1000;

/**
 * Copies an uploaded file from PostgreSQL to this worker's scratch space, reads it as a stream,
 * validates every row and applies it all or nothing (see RawRecordImporter). Killed mid-way, nothing
 * is written; BullMQ then runs it again from the start, here or on another worker.
 */
// A short lock: a worker that dies mid-import is noticed within seconds and the file runs again.
@Processor(QueueName.Import, { lockDuration: 15_000, stalledInterval: 5_000 })
export class ImportProcessor extends WorkerHost {
  private readonly logger = new Logger(ImportProcessor.name);

  constructor(
    private readonly files: ImportFileRepository,
    private readonly importer: RawRecordImporter,
    private readonly agencies: AgencyRepository,
    private readonly schemes: SchemeRepository,
    private readonly compute: ComputePeriodProducer,
    private readonly scratch: ImportScratch,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<ImportFileJobData>): Promise<ImportDto> {
    const file = await this.files.find(job.data.importId);
    if (!file) throw new Error(`Import ${job.data.importId} does not exist`);
    if (file.status !== 'queued') return this.finish(job, file.id);

    const local = await this.scratch.copy(file.id, file.contentHash);
    if (!local) throw new Error(`Import ${file.id} has no stored upload`);
    const size = file.sizeBytes;
    let read = 0;
    let lastReported = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        read += chunk.length;
        callback(null, chunk);
      },
    });
    const touching = setInterval(() => void local.touch(), SCRATCH_TOUCH_MS);
    const progress = setInterval(() => {
      const percent = Math.min(95, Math.floor((read / Math.max(size, 1)) * 95));
      if (percent !== lastReported) {
        lastReported = percent;
        void job.updateProgress(percent);
      }
    }, 500);

    try {
      const reader = readImportFile({
        stream: createReadStream(local.path).pipe(counter),
        fileName: file.fileName,
        context: await this.contextFor(file.kind, file.uploaderRole, file.uploaderAgency),
        xlsxLimits: {
          maxPartBytes: this.config.importXlsxMaxPartBytes,
          maxTotalBytes: this.config.importXlsxMaxTotalBytes,
        },
      });
      const outcome = await this.importer.apply({
        importId: file.id,
        kind: file.kind,
        contentHash: file.contentHash,
        uploader: {
          username: file.uploadedBy,
          role: file.uploaderRole,
          agencyCode: file.uploaderAgency,
        },
        replaceTyped: file.replaceTyped,
        batches: reader.batches as AsyncIterable<StagedRecord[]>,
        summary: reader.summary.then((summary) => ({
          rows: summary.rows,
          errorCount: summary.errorCount,
          errors: summary.errors.slice(0, MAX_REPORTED_ERRORS),
        })),
      });
      if (outcome.status === 'rejected') {
        await this.files.reject(file.id, {
          rows: outcome.rows,
          errorCount: outcome.errorCount,
          errors: outcome.errors,
        });
      } else if (outcome.status === 'needs_confirmation') {
        // Nothing applied: the stored upload stays for the run its uploader confirms (or goes on cancel).
        await this.files.awaitConfirmation(file.id, outcome);
      } else if (outcome.status === 'unchanged') {
        await this.files.markUnchanged(file.id, outcome.rows);
      } else {
        for (const { period, revision } of outcome.periods)
          await this.compute.enqueue({ period, revision });
        if (file.kind !== 'submissions') await this.pruneSuperseded(file.kind);
      }
      this.logger.log(
        `Import ${file.id} (${file.kind}, ${file.fileName}): ${outcome.status}, ${outcome.rows} rows`,
      );
    } finally {
      clearInterval(progress);
      clearInterval(touching);
      // The local copy served this run only, whatever came of it.
      await local.remove();
    }
    return this.finish(job, file.id);
  }

  /**
   * The records the file replaced, deleted now that it is applied. Its figures are committed: should
   * this fail, the next applied file of the kind deletes them.
   */
  private async pruneSuperseded(kind: 'ratings' | 'consultations'): Promise<void> {
    try {
      await this.importer.pruneSuperseded(kind);
    } catch (error) {
      this.logger.warn(`Superseded ${kind} records stay until the next import: ${String(error)}`);
    }
  }

  private async finish(job: Job, id: string): Promise<ImportDto> {
    await job.updateProgress(100);
    const file = await this.files.find(id);
    if (!file) throw new Error(`Import ${id} disappeared`);
    // Callers read the import through the API, which puts its errors in their own language.
    return toImportDto(file, importErrorRenderer('en'));
  }

  /** What the uploader may import for: the agencies it may write figures for. */
  private async contextFor(kind: ImportKind, role: string, agencyCode: string) {
    const all = await this.agencies.findAll();
    const inScope = isRole(role)
      ? agenciesReachable(buildAgencyTree(all), { role, agencyCode }, 'submission.write')
      : [];
    const schemes = await this.schemes.findAll();
    const byPeriod = new Map<string, Map<string, { allowsOverTarget: boolean }>>();
    /** The indicators of the version in force that month, as SchemeRepository.findInForce. */
    const indicatorsFor = (period: string) => {
      let indicators = byPeriod.get(period);
      if (!indicators) {
        const scheme = pickSchemeInForce(schemes, period);
        indicators = new Map(
          (scheme?.indicators ?? []).map((indicator) => [
            indicator.code,
            { allowsOverTarget: indicator.allowsOverTarget },
          ]),
        );
        byPeriod.set(period, indicators);
      }
      return indicators;
    };
    return {
      kind,
      agenciesInScope: new Set(inScope),
      knownAgencies: new Set(all.map((agency) => agency.code)),
      indicatorsFor,
      now: new Date(),
      maxErrors: MAX_REPORTED_ERRORS,
    };
  }
}
