import { Global, Module } from '@nestjs/common';
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

/**
 * The months' rule of the working days a bad review has, for the importer that creates bad reviews
 * (in the database lib, which cannot import this one): global, so that its module sees it.
 */
@Global()
@Module({
  providers: [{ provide: BAD_REVIEW_WORKING_DAYS, useValue: badReviewWorkingDaysFor }],
  exports: [BAD_REVIEW_WORKING_DAYS],
})
export class BadReviewRuleModule {}

/** The month workflows: computing a month's results and the calendar jobs (months, stars). */
@Module({
  imports: [BadReviewRuleModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class MonthsModule {}
