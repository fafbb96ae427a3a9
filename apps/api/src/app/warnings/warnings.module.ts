import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { WarningsController } from './warnings.controller';
import { WarningsService } from './warnings.service';

/** Warnings (预警 → 约谈): computed from the published months; talks recorded by the province. */
@Module({
  imports: [CommonModule],
  controllers: [WarningsController],
  providers: [WarningsService],
  exports: [WarningsService],
})
export class WarningsModule {}
