import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Authorize } from '../access/authorize.decorator';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH } from './queue-board';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('operations')
export class QueueBoardController {
  /**
   * Lets the operator's browser open the queue dashboard: the caller's own access token, as a
   * cookie only that path receives, that scripts cannot read and other sites cannot send. It
   * ends with the token (or the session) like any call.
   */
  // Beside the board's path, not under it: the board's gate would ask this call for the cookie.
  @Post('queue-session')
  @HttpCode(200)
  @Authorize('queue.operate')
  openSession(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): { url: string } {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    response.cookie(QUEUE_BOARD_COOKIE, token, {
      path: QUEUE_BOARD_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      maxAge: secondsLeft(token) * 1000,
    });
    return { url: `${QUEUE_BOARD_PATH}/` };
  }
}

/** Seconds until the token expires (it was verified by the guard). */
function secondsLeft(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as {
    exp?: number;
  };
  return Math.max(0, (payload.exp ?? 0) - Math.floor(Date.now() / 1000));
}
