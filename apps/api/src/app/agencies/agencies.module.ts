import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AgenciesController } from './agencies.controller';
import { ScorecardService } from './scorecard.service';

/** The agency tree and each agency's scorecard. */
@Module({
  imports: [CommonModule],
  controllers: [AgenciesController],
  providers: [ScorecardService],
})
export class AgenciesModule {}
