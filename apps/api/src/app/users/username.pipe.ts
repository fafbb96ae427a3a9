import { BadRequestException, PipeTransform } from '@nestjs/common';

export class UsernamePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[A-Za-z0-9_.-]{2,64}$/.test(value)) {
      throw new BadRequestException({ message: [`username is not a valid username (got "${value}")`] });
    }
    return value;
  }
}
