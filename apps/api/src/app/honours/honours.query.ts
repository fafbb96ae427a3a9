import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class HonoursQuery {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({
    example: '44',
    description:
      "National deployments: the province whose roll to answer (its agency code 440000, or 44). A province's users get their own province's; the national admin naming none gets the provinces' roll.",
  })
  @IsOptional()
  @IsString()
  province?: string;
}
