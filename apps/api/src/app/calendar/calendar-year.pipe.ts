import { BadRequestException, type PipeTransform } from '@nestjs/common';

/** A calendar year in the path, 2000–2100. */
export class CalendarYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^[0-9]{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= 2000 && year <= 2100)) {
      throw new BadRequestException({
        message: [`year must be a year from 2000 to 2100 (got "${value}")`],
      });
    }
    return year;
  }
}
