import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { RectificationsModule } from '../rectifications/rectifications.module';
import { WarningsModule } from '../warnings/warnings.module';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';

/** The feedback sheet (反馈单) each agency gets for a published month. */
@Module({
  imports: [CommonModule, RectificationsModule, WarningsModule],
  controllers: [FeedbackController],
  providers: [FeedbackService],
})
export class FeedbackModule {}
