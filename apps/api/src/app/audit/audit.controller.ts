import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuditEntryDto } from '@scorecard/contracts';
import { AuditLogRepository } from '@scorecard/server-database';
import { AccessPolicy } from '../access/access-policy';
import { Authorize } from '../access/authorize.decorator';
import { AgencyDirectory } from '../common/agency-directory.service';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { AuditQueryDto } from './audit.query';

/** The audit log, read-only: no route changes or deletes it (the table refuses it too). */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditLogRepository,
    private readonly agencies: AgencyDirectory,
    private readonly policy: AccessPolicy,
  ) {}

  @Get()
  @Authorize('audit.read')
  async list(@Query() query: AuditQueryDto, @CurrentUser() caller: AuthenticatedUser): Promise<AuditEntryDto[]> {
    const root = query.agencyCode ?? caller.agencyCode;
    await this.policy.assert(caller, 'audit.read', root);
    const entries = await this.audit.find({
      agencyCodes: await this.agencies.subtree(root),
      includeUnattributed: (await this.agencies.find(root))?.parentCode === null,
      username: query.username,
      from: query.from,
      to: query.to,
      limit: query.limit ?? 200,
    });
    return entries.map((entry) => ({
      at: entry.at.toISOString(),
      username: entry.username,
      role: entry.role,
      agencyCode: entry.agencyCode,
      action: entry.action,
      target: entry.target,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: entry.requestId,
    }));
  }
}
