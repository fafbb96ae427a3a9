import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { ChangePasswordRequest } from '@scorecard/contracts';

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword!: string;

  @ApiProperty({
    description: 'At least 10 characters with 3 of: lower case, upper case, digits, symbols',
  })
  @IsString()
  @MaxLength(128)
  newPassword!: string;
}
