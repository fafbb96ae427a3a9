import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { hasPermission } from '@scorecard/access';
import { QueueName } from '@scorecard/server-queue';
import { AuthService } from '../auth/auth.service';
import { isDatabaseUnreachable } from '../common/database-unavailable';

/** Where the operators' queue dashboard (bull-board) is served. */
export const QUEUE_BOARD_PATH = '/api/operations/queues';
/** The cookie that carries the operator's access token to the dashboard's pages. */
export const QUEUE_BOARD_COOKIE = 'scorecard_queue_board';

/**
 * Mounts bull-board behind the API's own sessions: a page load carries no bearer header, so the
 * web app hands the access token over once (POST …/session) as an HttpOnly, same-site cookie
 * scoped to this path, and every request here is checked like any API call — a live session of
 * someone who may operate the queues.
 */
export function mountQueueBoard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map(
      (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name))),
    ),
    serverAdapter,
    options: {
      uiConfig: { boardTitle: 'Scorecard', locale: { lng: 'zh-CN' }, hideDocsLink: true },
    },
  });
  const auth = app.get(AuthService);
  app.use(QUEUE_BOARD_PATH, async (request: Request, response: Response, next: NextFunction) => {
    const token = cookieValue(request.headers.cookie, QUEUE_BOARD_COOKIE);
    if (!token) return refuse(response, 401);
    try {
      const user = await auth.verify(token, null);
      if (!hasPermission(user, 'queue.operate')) return refuse(response, 403);
    } catch (error) {
      return refuse(response, isDatabaseUnreachable(error) ? 503 : 401);
    }
    next();
  });
  app.use(QUEUE_BOARD_PATH, serverAdapter.getRouter());
}

const REFUSALS: Record<401 | 403 | 503, string> = {
  401: '请从 Scorecard 的“任务队列”页面打开此面板（登录已失效或未登录）。Open this board from the Job queues page of Scorecard (not signed in, or the session ended).',
  403: '只有省级中心可以管理任务队列。Only the province operates the job queues.',
  503: '服务暂时不可用，请稍后再试。The service is unavailable for a moment; try again shortly.',
};

function refuse(response: Response, status: 401 | 403 | 503): void {
  response.status(status).type('text/plain; charset=utf-8').send(REFUSALS[status]);
}

/** One cookie's value from a Cookie header, or null. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name)
      return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return null;
}
