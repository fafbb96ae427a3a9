import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, Min } from 'class-validator';
import type { PutSubmissionRequest } from '@scorecard/contracts';

export class PutSubmissionDto implements PutSubmissionRequest {
  @ApiProperty({
    description: 'Figures per indicator code: numbers or decimal strings with at most 2 decimals',
    example: { satisfaction: { numerator: 7624, denominator: 8682 } },
  })
  @IsObject()
  values!: PutSubmissionRequest['values'];

  @ApiPropertyOptional({ description: 'The version read; omit only when creating' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
