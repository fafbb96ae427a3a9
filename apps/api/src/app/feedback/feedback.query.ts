import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class FeedbackQuery {
  @ApiProperty({ example: '2026-09' })
  @Matches(/^[0-9]{4}-(0[1-9]|1[0-2])$/, { context: { key: 'validation.month' } })
  period!: string;
}
