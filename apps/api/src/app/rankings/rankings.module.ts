import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { RankingAnswerCache } from './ranking-answer.cache';
import { RankingAnswersService } from './ranking-answers.service';
import { RankingChangeListener } from './ranking-change.listener';
import { RankingHitListener } from './ranking-hit.listener';
import { RankingsController } from './rankings.controller';
import { RankingsService } from './rankings.service';
import { WindowRankingsService } from './window-rankings.service';
import { WindowsModule } from '../windows/windows.module';

/** League tables (kept in memory while unchanged) and the bulletin spreadsheet. */
@Module({
  imports: [CommonModule, WindowsModule],
  controllers: [RankingsController],
  providers: [RankingsService, WindowRankingsService, RankingAnswersService, RankingAnswerCache, RankingChangeListener, RankingHitListener],
})
export class RankingsModule {}
