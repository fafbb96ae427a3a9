import { Module } from '@nestjs/common';
import { MonthsModule } from '@scorecard/server-months';
import { CommonModule } from '../common/common.module';
import { PeriodLifecycleController } from './period-lifecycle.controller';
import { PeriodLifecycleService } from './period-lifecycle.service';

/** A month's lifecycle: lock, publish, reopen, reviews, waivers and completeness. */
@Module({
  imports: [CommonModule, MonthsModule],
  controllers: [PeriodLifecycleController],
  providers: [PeriodLifecycleService],
  exports: [PeriodLifecycleService],
})
export class LifecycleModule {}
