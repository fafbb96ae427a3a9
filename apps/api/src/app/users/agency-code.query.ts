import { IsOptional, Matches } from 'class-validator';

export class AgencyCodeQuery {
  @IsOptional()
  @Matches(/^[0-9]{6}$/, { message: 'agencyCode must be a six-digit division code' })
  agencyCode?: string;
}
