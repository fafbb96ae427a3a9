import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { DEFAULT_LANGUAGE, type ImportAcceptedDto, type ImportDto, type ImportKind, type Language } from '@scorecard/contracts';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { ImportFileRepository, toImportDto } from '@scorecard/server-database';
import { importErrorRenderer } from '@scorecard/server-imports';
import { ImportFileProducer, importFileJobId } from '@scorecard/server-queue';
import { AccessPolicy } from '../access/access-policy';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';

export interface UploadedImport {
  path: string;
  originalname: string;
  size: number;
}

/** Accepts import files and hands them to the worker; the file is read there, never here. */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    private readonly files: ImportFileRepository,
    private readonly producer: ImportFileProducer,
    private readonly policy: AccessPolicy,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * `replaceTyped`: the uploader already agrees that the file replaces figures someone typed in;
   * otherwise such a file stops before applying anything and waits for {@link confirm}.
   */
  async accept(
    caller: AuthenticatedUser,
    kind: ImportKind,
    file: UploadedImport | undefined,
    replaceTyped = false,
  ): Promise<ImportAcceptedDto> {
    if (!file) throw new InvalidInputError([{ field: 'file', key: 'field.fileMissing' }]);
    let accepted = false;
    try {
      if (file.size === 0) throw new InvalidInputError([{ field: 'file', key: 'field.fileEmpty' }]);
      const id = randomUUID();
      await this.files.create({
        id,
        kind,
        fileName: file.originalname,
        sizeBytes: file.size,
        contentHash: await sha256(file.path),
        uploadedBy: caller.username,
        uploaderRole: caller.role,
        uploaderAgency: caller.agencyCode,
        replaceTyped,
        storedPath: file.path,
      });
      accepted = true;
      // Accepted once recorded: without Redis the upload waits as `queued` and the relay gives it
      // its job (of this same id) when Redis answers again.
      await this.producer
        .enqueue({ importId: id, path: file.path })
        .catch((error: unknown) => this.logger.warn(`Import ${id} waits for the queue: ${String(error)}`));
      return { jobId: importFileJobId(id), importId: id };
    } catch (error) {
      if (!accepted) await rm(file.path, { force: true });
      throw error;
    }
  }

  /** The import, its errors in the caller's language. */
  async find(caller: AuthenticatedUser, id: string, language: Language = DEFAULT_LANGUAGE): Promise<ImportDto> {
    const file = await this.files.find(id);
    // Someone else's import is not found, rather than forbidden: ids are not to be probed.
    if (!file || !(await this.mayRead(caller, file))) throw new NotFoundError('import.notFound', { id });
    return toImportDto(file, importErrorRenderer(language));
  }

  /**
   * Applies a file that waits for a confirmation, over the typed figures it listed: queued again,
   * from the upload kept where it waits. Should Redis not answer once confirmed, the relay queues it.
   */
  async confirm(caller: AuthenticatedUser, id: string): Promise<ImportAcceptedDto> {
    const file = await this.readable(caller, id);
    if (file.status !== 'needs_confirmation') throw new ConflictError('import.notAwaitingConfirmation', { id });
    if (!file.storedPath || !existsSync(file.storedPath)) throw new ConflictError('import.confirmationExpired', { id });
    // The run that asked records its result just after the import's state: let it finish first.
    await this.settled(id);
    if (!(await this.files.confirm(id))) throw new ConflictError('import.notAwaitingConfirmation', { id });
    // The same job id runs the file again, now to apply it.
    const path = file.storedPath;
    await this.producer
      .remove(id)
      .then(() => this.producer.enqueue({ importId: id, path }))
      .catch((error: unknown) => this.logger.warn(`Import ${id} waits for the queue: ${String(error)}`));
    return { jobId: importFileJobId(id), importId: id };
  }

  /** Drops a file that waits for a confirmation: nothing of it is applied and its upload is removed. */
  async cancel(caller: AuthenticatedUser, id: string, language: Language = DEFAULT_LANGUAGE): Promise<ImportDto> {
    await this.readable(caller, id);
    const cancelled = await this.files.cancel(id);
    if (!cancelled) throw new ConflictError('import.notAwaitingConfirmation', { id });
    if (cancelled.storedPath) await rm(cancelled.storedPath, { force: true });
    return this.find(caller, id, language);
  }

  /** The import if the caller may read it; not found otherwise. */
  private async readable(caller: AuthenticatedUser, id: string) {
    const file = await this.files.find(id);
    if (!file || !(await this.mayRead(caller, file))) throw new NotFoundError('import.notFound', { id });
    return file;
  }

  /** Waits (a few seconds at most) until no worker holds the import's job. */
  private async settled(id: string): Promise<void> {
    for (let attempt = 0; attempt < 50 && (await this.producer.isActive(id)); attempt++) await sleep(100);
    if (await this.producer.isActive(id)) throw new ConflictError('import.stillReading');
  }

  /** Whether the caller may see an import (and its job): who uploaded it, or an admin above the uploader. */
  async mayReadImport(caller: AuthenticatedUser, id: string): Promise<boolean> {
    const file = await this.files.find(id);
    return file !== null && (await this.mayRead(caller, file));
  }

  private async mayRead(caller: AuthenticatedUser, file: { uploadedBy: string; uploaderAgency: string }): Promise<boolean> {
    return file.uploadedBy === caller.username || this.policy.allows(caller, 'submission.write', file.uploaderAgency);
  }

  get maxBytes(): number {
    return this.config.importMaxBytes;
  }
}

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
