import { BadRequestException, PipeTransform } from '@nestjs/common';

/** Validates a six-digit GB/T 2260 agency code parameter. */
export class AgencyCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !/^[0-9]{6}$/.test(value)) {
      throw new BadRequestException({ message: [`agencyCode must be a six-digit division code (got "${value}")`] });
    }
    return value;
  }
}
