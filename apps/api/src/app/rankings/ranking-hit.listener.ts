import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { type CanActivate, Injectable, type OnModuleInit, type PipeTransform } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { ThrottlerGuard } from '@nestjs/throttler';
import { requestIdFor } from '@scorecard/server-config';
import { AccessGuard } from '../access/access.guard';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { requestPipes } from '../common/request-pipes';
import type { AuthenticatedUser } from '../common/current-user.decorator';
import { ANSWER_HEADER_NAMES, encodedReply } from './encoded-answer';
import { RankingAnswerCache } from './ranking-answer.cache';
import { RankingAnswersService } from './ranking-answers.service';
import { RankingsController } from './rankings.controller';
import { RankingsQuery } from './rankings.query';

const PATH = '/api/rankings?';
const MONTH = /^[0-9]{4}-[0-9]{2}$/;
/** Distinct query strings whose validated form is kept; past it they are all forgotten at once. */
const MAX_QUERIES = 1_000;

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;
/** A middleware that sets the same headers on every answer, whatever the request (helmet, no-store). */
export type HeaderMiddleware = (request: never, response: never, next: (error?: unknown) => void) => void;

/** The parts of the Express application whose rules a hit follows: its request (the client's address, as the rate limit reads it) and its query parser. */
export interface ExpressRules {
  request: object;
  get(setting: 'query parser fn'): (text: string) => unknown;
}

type HitRequest = IncomingMessage & { id?: unknown; user?: AuthenticatedUser };

/**
 * The request as the guards see it: an Express request (the client's address as the rate limit
 * reads it, under the application's proxy settings) over the incoming message's headers, address
 * and URL. Made afresh rather than by turning the incoming message into one in place, as Express
 * itself does (changing an object's prototype on every request leaves V8 more to copy at each
 * young-generation collection), and leaving the message untouched for Express when the call goes
 * on to it.
 */
function expressRequestOf(incoming: IncomingMessage, express: ExpressRules): HitRequest {
  const request = Object.create(express.request) as HitRequest;
  request.headers = incoming.headers;
  request.socket = incoming.socket;
  request.method = incoming.method;
  request.url = incoming.url;
  return request;
}

/**
 * The headers the guards set while a hit is checked, kept aside: sent with the answer when there is
 * one, dropped when the call goes on to Express, which then sets its own.
 */
class HeaderSink {
  readonly pairs: string[] = [];

  setHeader(name: string, value: number | string): this {
    this.pairs.push(name, String(value));
    return this;
  }
}

/**
 * Answers `GET /api/rankings` of a month as early as the rules allow: on the HTTP server itself,
 * before Express and everything in it (helmet, the body parsers, the request log, Nest's router),
 * which together cost a kept league table several times what sending it does. It applies the very
 * guards and pipes of the route, in the route's context — authentication with its live-session
 * check, the route's permission, the query's validation, the rate limit — and answers through
 * RankingAnswersService, which decides who sees which version; the answer carries the headers the
 * application's own middleware set on every answer (recorded from them at start, see `install`).
 *
 * Only a plain answer (200, or 304) is given here. Anything else — a refused token, a refused
 * permission, an invalid query, the rate limit reached, a database that does not answer — goes on
 * to Express untouched (nothing set on its response, the request as it came), which gives it its
 * usual answer, error body and request log line. Validating a query is a pure function of its text,
 * so each distinct query string is validated once and its result reused (frozen: nothing downstream
 * may change it).
 */
@Injectable()
export class RankingHitListener implements OnModuleInit {
  private readonly pipes: PipeTransform[] = requestPipes();
  private readonly queries = new Map<string, RankingsQuery>();
  /** The route's handler as the router holds it: guards read its declarations. */
  private readonly handler = RankingsController.prototype.ranking;
  private guards: CanActivate[] = [];
  private rateLimit: CanActivate | null = null;
  private express: ExpressRules | null = null;
  /** Header names and values every answer carries, as the application's middleware set them. */
  private everyAnswer: readonly string[] = [];
  /** See `withEveryAnswer`: kept as long as the answer is. */
  private readonly combined = new WeakMap<readonly string[], string[]>();

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

  /**
   * Puts the listener in front of the server's own (Express). `headerMiddleware` are the
   * application's middleware that set the same headers on every answer (security headers, no
   * caching): each is run once here on a recording response, so a hit carries what they set,
   * without a second list of those headers to keep in step.
   */
  install(server: Server, express: ExpressRules, headerMiddleware: readonly HeaderMiddleware[]): void {
    this.express = express;
    this.everyAnswer = recordHeaders(headerMiddleware);
    const pipeline = server.listeners('request') as RequestListener[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      // A call from another origin is Express's: its CORS middleware decides what it may read
      // (browsers send no Origin on a same-origin GET, so the web app's calls stay hits).
      if (
        request.method !== 'GET' ||
        !request.url?.startsWith(PATH) ||
        request.headers.origin !== undefined ||
        !this.cache.enabled ||
        !this.rateLimit
      ) {
        for (const listener of pipeline) listener.call(server, request, response);
        return;
      }
      this.answer(request, response).then(
        (answered) => {
          if (!answered) for (const listener of pipeline) listener.call(server, request, response);
        },
        // Refused or failed before anything was sent: the whole pipeline answers instead.
        () => {
          if (!response.headersSent) for (const listener of pipeline) listener.call(server, request, response);
        },
      );
    });
  }

  /** True when the answer has been sent; false to let the whole pipeline answer instead. */
  private async answer(incoming: IncomingMessage, response: ServerResponse): Promise<boolean> {
    const express = this.express;
    if (!express) return false;
    const request = expressRequestOf(incoming, express);
    const headers = new HeaderSink();
    request.id = requestIdFor(incoming, headers as unknown as ServerResponse);
    const context = new ExecutionContextHost([request, headers], RankingsController, this.handler);
    context.setType('http');
    for (const guard of this.guards) if (!(await guard.canActivate(context))) return false;
    const query = await this.queryOf(incoming.url as string, express);
    if (!MONTH.test(query.period) || !request.user) return false;
    const answer = await this.answers.answer(request.user, query);
    if (!this.rateLimit || !(await this.rateLimit.canActivate(context))) return false;
    const reply = encodedReply(incoming.headers, answer);
    response.writeHead(reply.status, this.withEveryAnswer(reply.headers).concat(headers.pairs));
    response.end(reply.body);
    return true;
  }

  /** An answer's headers after those every answer carries, put together once per answer and form. */
  private withEveryAnswer(answerHeaders: readonly string[]): string[] {
    let all = this.combined.get(answerHeaders);
    if (!all) {
      all = [...this.everyAnswer, ...answerHeaders];
      this.combined.set(answerHeaders, all);
    }
    return all;
  }

  private async queryOf(url: string, express: ExpressRules): Promise<RankingsQuery> {
    const raw = url.slice(PATH.length);
    const kept = this.queries.get(raw);
    if (kept) return kept;
    // Express's own parser, as the route's @Query() would have it.
    let value: unknown = express.get('query parser fn')(raw);
    for (const pipe of this.pipes) value = await pipe.transform(value, { type: 'query', metatype: RankingsQuery, data: undefined });
    const query = Object.freeze(value as RankingsQuery);
    if (this.queries.size >= MAX_QUERIES) this.queries.clear();
    this.queries.set(raw, query);
    return query;
  }
}

/**
 * The headers `middleware` set on an answer, in order, as name/value pairs, leaving out those an
 * encoded answer sets itself (its caching rule replaces the general one, as it does on the route).
 */
function recordHeaders(middleware: readonly HeaderMiddleware[]): string[] {
  const set = new Map<string, [string, string]>();
  const recorder = {
    setHeader(name: string, value: number | string | readonly string[]) {
      set.set(name.toLowerCase(), [name, Array.isArray(value) ? value.join(', ') : String(value)]);
      return recorder;
    },
    removeHeader(name: string) {
      set.delete(name.toLowerCase());
    },
    getHeader(name: string) {
      return set.get(name.toLowerCase())?.[1];
    },
  };
  const request = { method: 'GET', url: PATH, headers: {} };
  for (const each of middleware) {
    let passed = false;
    each(request as never, recorder as never, (error?: unknown) => {
      if (error) throw error;
      passed = true;
    });
    // Headers that depend on when or how they are set cannot be recorded once.
    if (!passed) throw new Error('a header middleware did not pass the request on at once');
  }
  return [...set.entries()].filter(([name]) => !ANSWER_HEADER_NAMES.includes(name)).flatMap(([, pair]) => pair);
}
