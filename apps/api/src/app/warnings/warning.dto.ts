import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const PERIOD = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
const DIVISION = /^[0-9]{6}$/;
const DAY = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

export class WarningListQuery {
  @ApiProperty({ example: '2026-10' })
  @Matches(PERIOD, { context: { key: 'validation.month' } })
  period!: string;
}

export class RecordTalkDto {
  @ApiProperty({ example: '2026-10' })
  @Matches(PERIOD, { context: { key: 'validation.month' } })
  period!: string;

  @ApiProperty({ example: '330102' })
  @Matches(DIVISION, { context: { key: 'validation.divisionCode' } })
  agencyCode!: string;

  @ApiProperty({ description: 'What was said (约谈记录)' })
  @IsString()
  @Transform(trim)
  @MinLength(2)
  @MaxLength(2000)
  note!: string;

  @ApiProperty({ example: '2026-11-25', description: 'The day the talk took place' })
  @Matches(DAY, { context: { key: 'validation.day' } })
  heldOn!: string;
}
