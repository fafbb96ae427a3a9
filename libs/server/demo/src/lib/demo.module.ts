import { Module } from '@nestjs/common';
import { MonthsModule } from '@scorecard/server-months';
import { DemoFollowUpSeeder } from './demo-follow-up';
import { DemoNationSeeder } from './demo-nation.seeder';
import { DemoProvinceSeeder } from './demo-province.seeder';

/** The demo province (demo mode only): never needed to run a centre's own data. */
@Module({
  imports: [MonthsModule],
  providers: [DemoProvinceSeeder, DemoFollowUpSeeder, DemoNationSeeder],
  exports: [DemoProvinceSeeder, DemoNationSeeder],
})
export class DemoModule {}
