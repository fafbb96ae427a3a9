import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { RankingsController } from './rankings.controller';
import { RankingsService } from './rankings.service';
import { WindowRankingsService } from './window-rankings.service';
import { WindowsModule } from '../windows/windows.module';

/** League tables and the bulletin spreadsheet. */
@Module({
  imports: [CommonModule, WindowsModule],
  controllers: [RankingsController],
  providers: [RankingsService, WindowRankingsService],
})
export class RankingsModule {}
