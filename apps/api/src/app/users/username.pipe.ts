import type { PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '../common/api.errors';

export class UsernamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_.-]{2,64}$/.test(value)) {
      throw new InvalidInputError([
        { field: 'username', key: 'validation.username', params: { field: 'username' } },
      ]);
    }
    return value;
  }
}
