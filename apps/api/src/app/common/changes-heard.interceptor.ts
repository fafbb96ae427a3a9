import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request } from 'express';
import { concatMap, type Observable } from 'rxjs';
import { SessionChangeListener } from '../auth/session-change-listener';
import { RankingChangeListener } from '../rankings/ranking-change.listener';
import type { DatabaseChannelListener } from './database-channel.listener';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write answers only once this process has heard the database announce what it changed, so that
 * what it keeps in memory (live sessions, league tables) already follows the write when the
 * caller's next request arrives: a logout is refused at once, a saved figure is in the next table.
 * Other processes follow as soon as the announcement reaches them.
 */
@Injectable()
export class ChangesHeardInterceptor implements NestInterceptor {
  private listeners: DatabaseChannelListener[] | null = null;

  constructor(private readonly modules: ModuleRef) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (READS.has(request.method)) return next.handle();
    return next.handle().pipe(
      concatMap(async (answer: unknown) => {
        await Promise.all(this.channelListeners().map((listener) => listener.caughtUp()));
        return answer;
      }),
    );
  }

  private channelListeners(): DatabaseChannelListener[] {
    this.listeners ??= [
      this.modules.get(SessionChangeListener, { strict: false }),
      this.modules.get(RankingChangeListener, { strict: false }),
    ];
    return this.listeners;
  }
}
