import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@scorecard/contracts';

export class CreateUserDto {
  @ApiProperty({ example: 'zhang.wei' })
  @Matches(/^[A-Za-z0-9_.-]{2,64}$/, { context: { key: 'validation.username' } })
  username!: string;

  @ApiProperty({ example: '张伟' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiProperty({ example: '330102' })
  @Matches(/^[0-9]{6}$/, { context: { key: 'validation.divisionCode' } })
  agencyCode!: string;

  @ApiPropertyOptional({
    description:
      'At least 10 characters with 3 of: lower case, upper case, digits, symbols; without it one is generated and answered once',
  })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  password?: string;

  @ApiPropertyOptional({ example: '综合柜员' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  post?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  post?: string;
}

export class ResetPasswordDto {
  @ApiPropertyOptional({ description: 'Without it, a password is generated and answered once' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  password?: string;
}
