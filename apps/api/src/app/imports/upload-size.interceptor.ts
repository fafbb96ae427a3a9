import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';

/** Room for the multipart envelope around the file (boundaries, the kind field, headers). */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * Refuses an upload whose declared length is already over the limit before a byte of it is
 * stored, and closes the connection rather than read the rest. Uploads without a declared length
 * are still cut off by the multer limit as they stream in.
 */
@Injectable()
export class UploadSizeInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const declared = Number(http.getRequest<Request>().headers['content-length']);
    if (
      Number.isFinite(declared) &&
      declared > this.config.importMaxBytes + MULTIPART_OVERHEAD_BYTES
    ) {
      http.getResponse<Response>().setHeader('Connection', 'close');
      throw new PayloadTooLargeException(
        `The file is too large: at most ${this.config.importMaxBytes.toLocaleString('en')} bytes`,
      );
    }
    return next.handle();
  }
}
