import { Module } from '@nestjs/common';
import { MonthsModule } from '@scorecard/server-months';
import { DemoProvinceSeeder } from './demo-province.seeder';

/** The demo province (demo mode only): never needed to run a centre's own data. */
@Module({
  imports: [MonthsModule],
  providers: [DemoProvinceSeeder],
  exports: [DemoProvinceSeeder],
})
export class DemoModule {}
