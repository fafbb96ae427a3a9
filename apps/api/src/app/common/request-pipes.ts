import { type PipeTransform, ValidationPipe } from '@nestjs/common';
import { PlainJsonPipe } from './plain-json.pipe';
import { invalidInput } from './validation-problems';

/**
 * The pipes every route's input passes, in order: no hostile keys, then the DTO's rules with
 * unknown fields refused. The application's global pipes, and what a league-table hit runs on its
 * query before it is answered early.
 */
export function requestPipes(): PipeTransform[] {
  return [
    new PlainJsonPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      // The DTO travels with each error so the filter can word its rule with its bounds.
      validationError: { target: true, value: false },
      exceptionFactory: invalidInput,
    }),
  ];
}
