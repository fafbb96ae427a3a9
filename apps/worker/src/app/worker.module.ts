import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { type AppConfig, AppConfigModule } from '@scorecard/server-config';
import { DatabaseModule } from '@scorecard/server-database';
import { QueueModule } from '@scorecard/server-queue';
import { AggregationProcessor } from './aggregation.processor';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            transport:
              config.environment === 'development'
                ? { target: 'pino-pretty', options: { singleLine: true, colorize: true } }
                : undefined,
          },
        }),
        DatabaseModule,
        QueueModule,
      ],
      providers: [AggregationProcessor],
    };
  }
}
