import { Module } from '@nestjs/common';
import { AppealWindowService } from './appeal-window.service';
import { BAD_REVIEW_WORKING_DAYS } from '@scorecard/server-database';
import { badReviewWorkingDaysFor } from './bad-review-working-days';
import { MonthDueDateService } from './month-due-date.service';
import { PeriodComputationService } from './period-computation.service';
import { PeriodPublicationService } from './period-publication.service';
import { PeriodScheduleService } from './period-schedule.service';
import { RectificationRaisingService } from './rectification-raising.service';
import { StarScheduleService } from './star-schedule.service';

const SERVICES = [
  PeriodComputationService,
  PeriodPublicationService,
  PeriodScheduleService,
  StarScheduleService,
  MonthDueDateService,
  RectificationRaisingService,
  AppealWindowService,
];

/** The month workflows: computing a month's results and the calendar jobs (months, stars). */
/** The importer creating bad reviews asks the months' rule for their working days. */
const BAD_REVIEW_RULE = { provide: BAD_REVIEW_WORKING_DAYS, useValue: badReviewWorkingDaysFor };

@Module({
  providers: [...SERVICES, BAD_REVIEW_RULE],
  exports: [...SERVICES, BAD_REVIEW_RULE],
})
export class MonthsModule {}
