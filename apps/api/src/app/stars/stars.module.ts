import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { StarsController } from './stars.controller';
import { StarBallotReceiptService } from './star-ballot-receipt.service';
import { StarNominationService } from './star-nomination.service';
import { StarObjectionsService } from './star-objections.service';
import { StarRoundService } from './star-round.service';
import { StarRulesService } from './star-rules.service';
import { StarScoringService } from './star-scoring.service';
import { StarSelectionService } from './star-selection.service';
import { StarVotingService } from './star-voting.service';
import { StarWallService } from './star-wall.service';

/** The service star of the month (一月一星). */
@Module({
  imports: [CommonModule],
  controllers: [StarsController],
  providers: [
    StarRulesService,
    StarRoundService,
    StarBallotReceiptService,
    StarNominationService,
    StarScoringService,
    StarVotingService,
    StarSelectionService,
    StarObjectionsService,
    StarWallService,
  ],
})
export class StarsModule {}
