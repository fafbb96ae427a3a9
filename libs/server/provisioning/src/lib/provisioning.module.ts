import { Module } from '@nestjs/common';
import { MonthsModule } from '@scorecard/server-months';
import { ProvinceProvisioner } from './province-provisioner';

/** Putting a province's centre into service (`scorecard init`). */
@Module({
  imports: [MonthsModule],
  providers: [ProvinceProvisioner],
  exports: [ProvinceProvisioner],
})
export class ProvisioningModule {}
