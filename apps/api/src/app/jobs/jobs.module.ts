import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { ImportsModule } from '../imports/imports.module';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

/** The state and result of a queued job. */
@Module({
  imports: [CommonModule, ImportsModule],
  controllers: [JobsController],
  providers: [JobsService],
})
export class JobsModule {}
