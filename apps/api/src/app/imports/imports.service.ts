import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEFAULT_LANGUAGE, type ImportAcceptedDto, type ImportDto, type ImportKind, type Language } from '@scorecard/contracts';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { ImportFileRepository, ImportUploadRepository, toImportDto } from '@scorecard/server-database';
import { importErrorRenderer } from '@scorecard/server-imports';
import { ImportFileProducer, importFileJobId } from '@scorecard/server-queue';
import { AccessPolicy } from '../access/access-policy';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import type { StoredUploadFile } from './postgres-upload.storage';

export type UploadedImport = StoredUploadFile;

/**
 * Accepts import files and hands them to the worker; the file is stored in PostgreSQL as it
 * streams in and read by the worker, never parsed here.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    private readonly files: ImportFileRepository,
    private readonly uploads: ImportUploadRepository,
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
    const { upload } = file;
    if (upload.sizeBytes === 0) {
      await upload.discard();
      throw new InvalidInputError([{ field: 'file', key: 'field.fileEmpty' }]);
    }
    // The import and its file commit together: either both are stored and queued, or neither.
    await upload.record({
      kind,
      fileName: file.originalname,
      uploadedBy: caller.username,
      uploaderRole: caller.role,
      uploaderAgency: caller.agencyCode,
      replaceTyped,
    });
    const id = upload.id;
    // Accepted once recorded: without Redis the upload waits as `queued` and the relay gives it
    // its job (of this same id) when Redis answers again.
    await this.producer
      .enqueue({ importId: id })
      .catch((error: unknown) => this.logger.warn(`Import ${id} waits for the queue: ${String(error)}`));
    return { jobId: importFileJobId(id), importId: id };
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
    if (!(await this.uploads.has(id))) throw new ConflictError('import.confirmationExpired', { id });
    // The run that asked records its result just after the import's state: let it finish first.
    await this.settled(id);
    if (!(await this.files.confirm(id))) throw new ConflictError('import.notAwaitingConfirmation', { id });
    // The same job id runs the file again, now to apply it.
    await this.producer
      .remove(id)
      .then(() => this.producer.enqueue({ importId: id }))
      .catch((error: unknown) => this.logger.warn(`Import ${id} waits for the queue: ${String(error)}`));
    return { jobId: importFileJobId(id), importId: id };
  }

  /** Drops a file that waits for a confirmation: nothing of it is applied and its upload is removed. */
  async cancel(caller: AuthenticatedUser, id: string, language: Language = DEFAULT_LANGUAGE): Promise<ImportDto> {
    await this.readable(caller, id);
    if (!(await this.files.cancel(id))) throw new ConflictError('import.notAwaitingConfirmation', { id });
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
