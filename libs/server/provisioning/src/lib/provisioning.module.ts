import { Module } from '@nestjs/common';
import { MonthsModule } from '@scorecard/server-months';
import { NationProvisioner } from './nation-provisioner';
import { ProvinceProvisioner } from './province-provisioner';
import { TreeProvisioner } from './tree-provisioner';

/** Putting a province's or the national centre into service (`scorecard init`). */
@Module({
  imports: [MonthsModule],
  providers: [TreeProvisioner, ProvinceProvisioner, NationProvisioner],
  exports: [ProvinceProvisioner, NationProvisioner],
})
export class ProvisioningModule {}
