import { Module } from '@nestjs/common';
import { WindowsModule } from '../windows/windows.module';
import { IndicatorsController } from './indicators.controller';

/** The indicators in force for a month or a year. */
@Module({
  imports: [WindowsModule],
  controllers: [IndicatorsController],
})
export class IndicatorsModule {}
