import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { FollowUpSteps } from './follow-up-steps.service';

/** The transitions and list pieces every follow-up feature (整改, 差评, 异议, 预警) shares. */
@Module({
  imports: [CommonModule],
  providers: [FollowUpSteps],
  exports: [FollowUpSteps],
})
export class FollowUpStepsModule {}
