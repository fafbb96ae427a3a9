import { Module } from '@nestjs/common';
import { MonthsModule } from '@scorecard/server-months';
import { CommonModule } from '../common/common.module';
import { FollowUpStepsModule } from '../follow-ups/follow-up-steps.module';
import { RectificationsController } from './rectifications.controller';
import { RectificationsService } from './rectifications.service';

/** Rectification items (整改事项): raised, answered and verified after publication. */
@Module({
  imports: [CommonModule, FollowUpStepsModule, MonthsModule],
  controllers: [RectificationsController],
  providers: [RectificationsService],
  exports: [RectificationsService],
})
export class RectificationsModule {}
