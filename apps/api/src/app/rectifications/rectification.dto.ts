import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { RECTIFICATION_STATUSES, type RectificationStatus } from '@scorecard/contracts';
import {
  FollowUpListQuery,
  FollowUpSubject,
  StatusFilter,
  TextField,
  VersionedBody,
} from '../follow-ups/follow-up.dto';

export class RectificationListQuery extends FollowUpListQuery {
  @StatusFilter(RECTIFICATION_STATUSES)
  status?: RectificationStatus;
}

export class CreateRectificationDto extends FollowUpSubject {
  @TextField({ description: 'Why (e.g. the finding of a spot check, 抽查)', min: 2, max: 500 })
  reason!: string;
}

export class RespondRectificationDto extends VersionedBody {
  @TextField({ description: '原因分析', min: 2, max: 2000 })
  cause!: string;

  @TextField({ description: '整改措施', min: 2, max: 2000 })
  measures!: string;
}

export class VerifyRectificationDto extends VersionedBody {
  @ApiProperty({ description: 'true: closed; false: sent back to the agency (open again)' })
  @IsBoolean()
  accepted!: boolean;

  @TextField({ description: 'The verdict; required when sending back', max: 1000 })
  note!: string;
}
