import { Module } from '@nestjs/common';
import { MonthsModule } from '@scorecard/server-months';
import { CommonModule } from '../common/common.module';
import { FollowUpStepsModule } from '../follow-ups/follow-up-steps.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { AppealsController } from './appeals.controller';
import { AppealsService } from './appeals.service';

/** Appeals (异议): raised by a head after publication, upheld (the month reopens) or dismissed. */
@Module({
  imports: [CommonModule, FollowUpStepsModule, MonthsModule, LifecycleModule],
  controllers: [AppealsController],
  providers: [AppealsService],
})
export class AppealsModule {}
