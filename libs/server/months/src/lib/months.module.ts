import { Module } from '@nestjs/common';
import { AppealWindowService } from './appeal-window.service';
import { FeedbackNoticeService } from './feedback-notice.service';
import { MonthDueDateService } from './month-due-date.service';
import { PeriodComputationService } from './period-computation.service';
import { PeriodPartPublicationService } from './period-part-publication.service';
import { PeriodPublicationService } from './period-publication.service';
import { PeriodScheduleService } from './period-schedule.service';
import { RectificationRaisingService } from './rectification-raising.service';
import { StarScheduleService } from './star-schedule.service';

const SERVICES = [
  PeriodComputationService,
  PeriodPublicationService,
  PeriodPartPublicationService,
  PeriodScheduleService,
  StarScheduleService,
  MonthDueDateService,
  RectificationRaisingService,
  AppealWindowService,
  FeedbackNoticeService,
];

/** The month workflows: computing a month's results and the calendar jobs (months, stars). */
@Module({
  providers: SERVICES,
  exports: SERVICES,
})
export class MonthsModule {}
