import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  BAD_REVIEW_OUTCOMES,
  BAD_REVIEW_STATUSES,
  type BadReviewOutcome,
  type BadReviewStatusName,
} from '@scorecard/contracts';
import {
  FollowUpListQuery,
  StatusFilter,
  TextField,
  VersionedBody,
} from '../follow-ups/follow-up.dto';

export class BadReviewListQuery extends FollowUpListQuery {
  @StatusFilter(BAD_REVIEW_STATUSES)
  status?: BadReviewStatusName;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class VerifyBadReviewDto extends VersionedBody {
  @TextField({ description: '核实情况', min: 2, max: 2000 })
  note!: string;
}

export class ResolveBadReviewDto extends VersionedBody {
  @ApiProperty({ enum: BAD_REVIEW_OUTCOMES })
  @IsIn(BAD_REVIEW_OUTCOMES)
  outcome!: BadReviewOutcome;

  @TextField({ description: '整改情况或情况说明', min: 2, max: 2000 })
  note!: string;
}

export class AppealBadReviewDto extends VersionedBody {
  @TextField({ description: 'Why the review is mistaken or malicious', min: 2, max: 2000 })
  reason!: string;
}

export class RuleBadReviewDto extends VersionedBody {
  @ApiProperty({ description: 'true: the case is voided; false: it goes back to where it was' })
  @IsBoolean()
  void!: boolean;

  @TextField({ description: 'The ruling', min: 2, max: 2000 })
  note!: string;
}
