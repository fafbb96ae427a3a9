import { Module } from '@nestjs/common';
import { MonthsModule } from '@scorecard/server-months';
import { CommonModule } from '../common/common.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { AppealsController } from './appeals.controller';
import { AppealsService } from './appeals.service';

/** Appeals (异议): raised by a head after publication, upheld (the month reopens) or dismissed. */
@Module({
  imports: [CommonModule, MonthsModule, LifecycleModule],
  controllers: [AppealsController],
  providers: [AppealsService],
})
export class AppealsModule {}
