import { Injectable } from '@nestjs/common';
import { DEFAULT_LANGUAGE, type JobDto, type Language } from '@scorecard/contracts';
import { type ImportFileJobData, JobName, JobStatusService } from '@scorecard/server-queue';
import { AccessPolicy } from '../access/access-policy';
import { NotFoundError } from '../common/api.errors';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { ImportsService } from '../imports/imports.service';

/**
 * A job's state for whoever may see what it works on: an import's job for those who may read the
 * import, a month's computation or publication for those who manage months. Anyone else is told it does not
 * exist, so job ids cannot be probed.
 */
@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobStatusService,
    private readonly imports: ImportsService,
    private readonly policy: AccessPolicy,
  ) {}

  /** The job; an import job's result in the caller's language. */
  async find(caller: AuthenticatedUser, id: string, language: Language = DEFAULT_LANGUAGE): Promise<JobDto> {
    const found = await this.jobs.findWithPayload(id);
    if (!found || !(await this.mayRead(caller, found.status.name, found.data)))
      throw new NotFoundError('job.notFound', { id });
    // An import's result is the import as it is now (confirmed or cancelled since the job ended).
    if (found.status.name === JobName.ImportFile && found.status.state === 'completed') {
      return {
        ...found.status,
        result: await this.imports.find(caller, (found.data as ImportFileJobData).importId, language),
      };
    }
    return found.status;
  }

  private async mayRead(caller: AuthenticatedUser, name: string, data: unknown): Promise<boolean> {
    switch (name) {
      case JobName.ImportFile:
        return this.imports.mayReadImport(caller, (data as ImportFileJobData).importId);
      case JobName.ComputePeriod:
      case JobName.PublishPeriod:
        return this.policy.allowsRole(caller, 'period.manage');
      default:
        return false;
    }
  }
}
