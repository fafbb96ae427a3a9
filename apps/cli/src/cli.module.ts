import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, AppConfigModule } from '@scorecard/server-config';
import { DatabaseModule } from '@scorecard/server-database';
import { ProvisioningModule } from '@scorecard/server-provisioning';

/** What the operator's commands need: the database, never the queue. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [AppConfigModule.forRoot(config), DatabaseModule, ProvisioningModule],
    };
  }
}
