import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './app-config';

/** Structured logs (JSON; pretty on a developer's terminal), tokens and cookies redacted. */
export function loggerModuleFor(config: AppConfig) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      autoLogging: { ignore: (request) => request.url === '/api/health' },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      transport:
        config.environment === 'development'
          ? { target: 'pino-pretty', options: { singleLine: true, colorize: true } }
          : undefined,
    },
  });
}
