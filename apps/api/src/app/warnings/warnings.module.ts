import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { FollowUpStepsModule } from '../follow-ups/follow-up-steps.module';
import { WarningsController } from './warnings.controller';
import { WarningsService } from './warnings.service';

/** Warnings (预警 → 约谈): computed from the published months; talks recorded by the province. */
@Module({
  imports: [CommonModule, FollowUpStepsModule],
  controllers: [WarningsController],
  providers: [WarningsService],
  exports: [WarningsService],
})
export class WarningsModule {}
