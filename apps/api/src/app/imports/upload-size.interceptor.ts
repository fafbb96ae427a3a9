import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '@scorecard/server-config';
import { TooLargeError } from '../common/api.errors';

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
      throw new TooLargeError('upload.tooLarge', {
        max: this.config.importMaxBytes.toLocaleString('en'),
      });
    }
    return next.handle();
  }
}
