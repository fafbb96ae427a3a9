import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { type Language, languageOf } from '@scorecard/contracts';

/** The language the caller reads, from `Accept-Language` (the web app sends its own). */
export const RequestLanguage = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Language =>
    languageOf(
      context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers[
        'accept-language'
      ],
    ),
);
