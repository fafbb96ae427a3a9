import { Module } from '@nestjs/common';
import { IndicatorsController } from './indicators.controller';

/** The indicators in force for a month or a year. */
@Module({
  controllers: [IndicatorsController],
})
export class IndicatorsModule {}
