import { BadRequestException, PipeTransform } from '@nestjs/common';
import { isPeriod } from '@scorecard/scoring';

/** Validates a `YYYY-MM` path or query parameter. */
export class ParsePeriodPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !isPeriod(value)) {
      throw new BadRequestException({ message: [`period must be a month as YYYY-MM (got "${value}")`] });
    }
    return value;
  }
}
