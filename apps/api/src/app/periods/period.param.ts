import type { PipeTransform } from '@nestjs/common';
import { isPeriod } from '@scorecard/scoring';
import { InvalidInputError } from '../common/api.errors';

/** Validates a `YYYY-MM` path or query parameter. */
export class ParsePeriodPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !isPeriod(value)) {
      throw new InvalidInputError([
        { field: 'period', key: 'validation.month', params: { field: 'period' } },
      ]);
    }
    return value;
  }
}
