import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AgenciesController } from './agencies.controller';
import { ScorecardService } from './scorecard.service';
import { WindowScorecardService } from './window-scorecard.service';
import { WindowsModule } from '../windows/windows.module';

/** The agency tree and each agency's scorecard. */
@Module({
  imports: [CommonModule, WindowsModule],
  controllers: [AgenciesController],
  providers: [ScorecardService, WindowScorecardService],
})
export class AgenciesModule {}
