import { BadRequestException, PipeTransform } from '@nestjs/common';

/** Validates a positive whole-number path parameter (an id, a year), kept as text. */
export class NumericIdPipe implements PipeTransform<string, string> {
  constructor(private readonly name = 'id') {}

  transform(value: string): string {
    if (typeof value !== 'string' || !/^[1-9][0-9]{0,17}$/.test(value)) {
      throw new BadRequestException({
        message: [`${this.name} must be a positive whole number (got "${value}")`],
      });
    }
    return value;
  }
}
