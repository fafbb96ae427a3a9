import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './app-config';

/**
 * The request's id: a caller's X-Request-Id is kept (when it looks like an id) and echoed, so a
 * request can be followed from the proxy through the log to its audit entry.
 */
export function requestIdFor(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/** Structured logs (JSON; pretty on a developer's terminal), tokens and cookies redacted. */
export function loggerModuleFor(config: AppConfig) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      genReqId: requestIdFor,
      autoLogging: { ignore: (request) => request.url === '/api/health' },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      // A star vote is secret: its log line must not name the candidate voted for.
      serializers: {
        req: (request: { url?: string }) =>
          typeof request.url === 'string' && /\/stars\/candidates\/[^/]+\/votes/.test(request.url)
            ? { ...request, url: request.url.replace(/\/stars\/candidates\/[^/]+\/votes/, '/stars/candidates/:id/votes') }
            : request,
      },
      transport:
        config.environment === 'development'
          ? { target: 'pino-pretty', options: { singleLine: true, colorize: true } }
          : undefined,
    },
  });
}
