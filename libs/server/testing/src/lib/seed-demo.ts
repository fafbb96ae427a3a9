import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AgencyRepository,
  FollowUpHistoryRepository,
  PeriodLifecycleRepository,
  RectificationRepository,
  SchemeRepository,
  WarningRepository,
  WorkingCalendarRepository,
} from '@scorecard/server-database';
import {
  DemoFollowUpSeeder,
  DemoProvinceSeeder,
  type DemoSeedSummary,
} from '@scorecard/server-demo';
import {
  AppealWindowService,
  MonthDueDateService,
  PeriodComputationService,
  RectificationRaisingService,
  StarScheduleService,
} from '@scorecard/server-months';

/**
 * Loads the demo province through a running worker (or api). The worker does not carry the demo —
 * only the API seeds it, in demo mode — so the seeder is built here from the context's services.
 */
export async function seedDemoProvince(
  context: INestApplicationContext,
  now: Date,
): Promise<DemoSeedSummary | null> {
  const seeder = new DemoProvinceSeeder(
    context.get(DataSource),
    context.get(AgencyRepository),
    context.get(SchemeRepository),
    context.get(PeriodComputationService),
    context.get(PeriodLifecycleRepository),
    context.get(StarScheduleService),
    context.get(MonthDueDateService),
    context.get(WorkingCalendarRepository),
    new DemoFollowUpSeeder(
      context.get(RectificationRaisingService),
      context.get(AppealWindowService),
      context.get(RectificationRepository),
      context.get(FollowUpHistoryRepository),
      context.get(WorkingCalendarRepository),
      context.get(SchemeRepository),
      context.get(WarningRepository),
    ),
  );
  return seeder.seedIfEmpty(now);
}
