import type { PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../common/api.errors';

/** A calendar year in the path, 2000–2100. */
export class CalendarYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^[0-9]{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= 2000 && year <= 2100)) {
      throw new InvalidInputError([
        { field: 'year', key: 'validation.year', params: { field: 'year' } },
      ]);
    }
    return year;
  }
}
