import type { PipeTransform } from '@nestjs/common';
import { InvalidInputError } from './api.errors';

/** Validates a positive whole-number path parameter (an id, a year), kept as text. */
export class NumericIdPipe implements PipeTransform<string, string> {
  constructor(private readonly name = 'id') {}

  transform(value: string): string {
    if (typeof value !== 'string' || !/^[1-9][0-9]{0,17}$/.test(value)) {
      throw new InvalidInputError([
        { field: this.name, key: 'validation.positiveWholeNumber', params: { field: this.name } },
      ]);
    }
    return value;
  }
}
