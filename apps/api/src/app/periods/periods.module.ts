import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { PeriodsController } from './periods.controller';
import { PeriodsService } from './periods.service';

/** The months and their computation. */
@Module({
  imports: [CommonModule],
  controllers: [PeriodsController],
  providers: [PeriodsService],
})
export class PeriodsModule {}
