import { Module } from '@nestjs/common';
import { MonthsModule } from '@scorecard/server-months';
import { CommonModule } from '../common/common.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** The province's working-day calendar (工作日) and the due dates it decides. */
@Module({
  imports: [CommonModule, MonthsModule],
  controllers: [CalendarController],
  providers: [CalendarService],
})
export class CalendarModule {}
