import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { JobDto, Language } from '@scorecard/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { RequestLanguage } from '../common/request-language.decorator';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** Only the job's owner and the admins above its agencies; 404 for everyone else. */
  @Get(':id')
  find(
    @CurrentUser() caller: AuthenticatedUser,
    @Param('id') id: string,
    @RequestLanguage() language: Language,
  ): Promise<JobDto> {
    return this.jobs.find(caller, id, language);
  }
}
