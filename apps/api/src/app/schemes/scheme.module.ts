import { Module } from '@nestjs/common';
import { MonthsModule } from '@scorecard/server-months';
import { CommonModule } from '../common/common.module';
import { SchemeController } from './scheme.controller';
import { SchemePreviewService } from './scheme-preview.service';
import { SchemeService } from './scheme.service';

/** The scheme editor's server side: versions, their rules, and a preview on the last published month. */
@Module({
  imports: [CommonModule, MonthsModule],
  controllers: [SchemeController],
  providers: [SchemeService, SchemePreviewService],
})
export class SchemesModule {}
