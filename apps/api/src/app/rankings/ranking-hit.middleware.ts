import { type CanActivate, Injectable, type OnModuleInit, type PipeTransform } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { NextFunction, Request, Response } from 'express';
import { requestIdFor } from '@scorecard/server-config';
import { AccessGuard } from '../access/access.guard';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { requestPipes } from '../common/request-pipes';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { sendEncodedAnswer } from './encoded-answer';
import { RankingAnswerCache } from './ranking-answer.cache';
import { RankingAnswersService } from './ranking-answers.service';
import { RankingsController } from './rankings.controller';
import { RankingsQuery } from './rankings.query';

const PATH = '/api/rankings?';
const MONTH = /^[0-9]{4}-[0-9]{2}$/;
/** Distinct query strings whose validated form is kept; past it they are all forgotten at once. */
const MAX_QUERIES = 1_000;

/**
 * Answers `GET /api/rankings` of a month as early as the rules allow: before the body parsers, the
 * request log and Nest's router, which together cost a kept league table several times what
 * sending it does. It applies the very guards and pipes of the route, in the route's context —
 * authentication with its live-session check, the route's permission, the query's validation, the
 * rate limit — and answers through RankingAnswersService, which decides who sees which version.
 *
 * Only a plain answer (200, or 304) is given here. Anything else — a refused token, a refused
 * permission, an invalid query, the rate limit reached, a database that does not answer — goes on
 * through the whole pipeline, which gives it its usual answer, error body and request log line.
 * Validating a query is a pure function of its text, so each distinct query string is validated
 * once and its result reused (frozen: nothing downstream may change it).
 */
@Injectable()
export class RankingHitMiddleware implements OnModuleInit {
  private readonly pipes: PipeTransform[] = requestPipes();
  private readonly queries = new Map<string, RankingsQuery>();
  /** The route's handler as the router holds it: guards read its declarations. */
  private readonly handler = RankingsController.prototype.ranking;
  private guards: CanActivate[] = [];
  private rateLimit: CanActivate | null = null;

  constructor(
    private readonly modules: ModuleRef,
    private readonly answers: RankingAnswersService,
    private readonly cache: RankingAnswerCache,
  ) {}

  async onModuleInit(): Promise<void> {
    // The application's own guards, in the application's order (see AppModule); the rate limit
    // is asked last, once the answer is ready, so that a call it refuses is counted once.
    this.guards = [this.modules.get(JwtAuthGuard, { strict: false }), this.modules.get(AccessGuard, { strict: false })];
    const rateLimit = await this.modules.create(ThrottlerGuard);
    await rateLimit.onModuleInit();
    this.rateLimit = rateLimit;
  }

  readonly handle = (request: Request, response: Response, next: NextFunction): void => {
    if (request.method !== 'GET' || !request.url.startsWith(PATH) || !this.cache.enabled || !this.rateLimit) {
      next();
      return;
    }
    this.answer(request, response).then(
      (answered) => {
        if (!answered) next();
      },
      // Refused or failed before anything was sent: the whole pipeline answers instead.
      () => {
        if (!response.headersSent) next();
      },
    );
  };

  /** True when the answer has been sent; false to let the whole pipeline answer instead. */
  private async answer(request: Request & { id?: unknown; user?: AuthenticatedUser }, response: Response): Promise<boolean> {
    request.id = requestIdFor(request, response);
    const context = new ExecutionContextHost([request, response], RankingsController, this.handler);
    context.setType('http');
    for (const guard of this.guards) if (!(await guard.canActivate(context))) return false;
    const query = await this.queryOf(request);
    if (!MONTH.test(query.period) || !request.user) return false;
    const answer = await this.answers.answer(request.user, query);
    if (!this.rateLimit || !(await this.rateLimit.canActivate(context))) return false;
    sendEncodedAnswer(request, response, answer);
    return true;
  }

  private async queryOf(request: Request): Promise<RankingsQuery> {
    const raw = request.url.slice(PATH.length);
    const kept = this.queries.get(raw);
    if (kept) return kept;
    let value: unknown = request.query;
    for (const pipe of this.pipes) value = await pipe.transform(value, { type: 'query', metatype: RankingsQuery, data: undefined });
    const query = Object.freeze(value as RankingsQuery);
    if (this.queries.size >= MAX_QUERIES) this.queries.clear();
    this.queries.set(raw, query);
    return query;
  }
}
