import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { FollowUpSubject, PeriodField, TextField } from '../follow-ups/follow-up.dto';

export class AppealListQuery {
  @PeriodField({ optional: true })
  period?: string;
}

export class AppealWindowQuery {
  @PeriodField()
  period!: string;
}

export class CreateAppealDto extends FollowUpSubject {
  @TextField({ description: 'Why the result is wrong', min: 2, max: 2000 })
  reason!: string;
}

export class ResolveAppealDto {
  @ApiProperty({ description: 'true: upheld, the month is reopened; false: dismissed' })
  @IsBoolean()
  upheld!: boolean;

  @TextField({ description: 'The ruling; required when dismissing', max: 1000 })
  note!: string;
}
