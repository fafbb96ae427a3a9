import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { RankingsController } from './rankings.controller';
import { RankingsService } from './rankings.service';

/** League tables and the bulletin spreadsheet. */
@Module({
  imports: [CommonModule],
  controllers: [RankingsController],
  providers: [RankingsService],
})
export class RankingsModule {}
