import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';

const DATES_ONLY = { each: true };

/** PUT /calendar/:year: the whole year's holidays and make-up workdays (what GET answers, less `year`). */
export class PutCalendarDto {
  @ApiProperty({
    type: [String],
    example: ['2026-10-01', '2026-10-02'],
    description: 'Days off (YYYY-MM-DD)',
  })
  @IsArray()
  @ArrayMaxSize(366)
  @IsString(DATES_ONLY)
  holidays!: string[];

  @ApiProperty({
    type: [String],
    example: ['2026-10-10'],
    description: 'Weekend days worked (调休上班)',
  })
  @IsArray()
  @ArrayMaxSize(366)
  @IsString(DATES_ONLY)
  workdays!: string[];
}
