import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { WindowsModule } from '../windows/windows.module';
import { HonoursController } from './honours.controller';
import { HonoursService } from './honours.service';

/** The year's honour roll (荣誉榜). */
@Module({
  imports: [CommonModule, WindowsModule],
  controllers: [HonoursController],
  providers: [HonoursService],
})
export class HonoursModule {}
