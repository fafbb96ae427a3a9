import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { JobDto } from '@scorecard/contracts';
import { JobStatusService } from '@scorecard/server-queue';
import { NotFoundError } from '../common/api.errors';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobStatusService) {}

  @Get(':id')
  async find(@Param('id') id: string): Promise<JobDto> {
    const job = await this.jobs.find(id);
    if (!job) throw new NotFoundError(`Job ${id} does not exist`);
    return job;
  }
}
