import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { AgencyCodeField, PeriodField, TextField } from '../follow-ups/follow-up.dto';

const DAY = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

export class WarningListQuery {
  @PeriodField()
  period!: string;
}

export class RecordTalkDto {
  @PeriodField()
  period!: string;

  @AgencyCodeField()
  agencyCode!: string;

  @TextField({ description: 'What was said (约谈记录)', min: 2, max: 2000 })
  note!: string;

  @ApiProperty({ example: '2026-11-25', description: 'The day the talk took place' })
  @Matches(DAY, { context: { key: 'validation.day' } })
  heldOn!: string;
}
