import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { FollowUpStepsModule } from './follow-up-steps.module';
import { FollowUpsController } from './follow-ups.controller';
import { MyFollowUpsService } from './my-follow-ups.service';

/** Follow-ups across their kinds: what waits on the caller's agency. */
@Module({
  imports: [CommonModule, FollowUpStepsModule],
  controllers: [FollowUpsController],
  providers: [MyFollowUpsService],
})
export class FollowUpsModule {}
