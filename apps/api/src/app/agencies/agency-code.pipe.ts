import type { PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../common/api.errors';

/** Validates a six-digit GB/T 2260 agency code parameter. */
export class AgencyCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[0-9]{6}$/.test(value)) {
      throw new InvalidInputError([
        { field: 'agencyCode', key: 'validation.divisionCode', params: { field: 'agencyCode' } },
      ]);
    }
    return value;
  }
}
