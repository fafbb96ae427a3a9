import { IsOptional, Matches } from 'class-validator';

export class AgencyCodeQuery {
  @IsOptional()
  @Matches(/^[0-9]{6}$/, { context: { key: 'validation.divisionCode' } })
  agencyCode?: string;
}
