import { type DynamicModule, Module } from '@nestjs/common';
import { type AppConfig, AppConfigModule, loggerModuleFor } from '@scorecard/server-config';
import { DatabaseModule } from '@scorecard/server-database';
import { MonthsModule } from '@scorecard/server-months';
import { QueueModule } from '@scorecard/server-queue';
import { AggregationProcessor } from './aggregation.processor';
import { ImportProcessor } from './import.processor';
import { ImportScratch } from './import-scratch';
import { ScheduleProcessor } from './schedule.processor';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        loggerModuleFor(config),
        DatabaseModule,
        MonthsModule,
        QueueModule,
      ],
      providers: [AggregationProcessor, ImportProcessor, ImportScratch, ScheduleProcessor],
    };
  }
}
