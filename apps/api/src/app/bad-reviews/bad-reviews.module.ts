import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { FollowUpStepsModule } from '../follow-ups/follow-up-steps.module';
import { BadReviewsController } from './bad-reviews.controller';
import { BadReviewsService } from './bad-reviews.service';

/** Bad reviews (差评): verified, resolved or appealed by the agency's head, ruled on by the province. */
@Module({
  imports: [CommonModule, FollowUpStepsModule],
  controllers: [BadReviewsController],
  providers: [BadReviewsService],
})
export class BadReviewsModule {}
