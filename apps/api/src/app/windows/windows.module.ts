import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { WindowResultsService } from './window-results.service';

/** Quarters, half-years and years (考核周期): results summed over published months. */
@Module({
  imports: [CommonModule],
  providers: [WindowResultsService],
  exports: [WindowResultsService],
})
export class WindowsModule {}
