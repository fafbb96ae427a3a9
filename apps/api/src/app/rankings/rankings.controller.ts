import { Controller, Get, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { sendEncodedAnswer } from './encoded-answer';
import { RankingAnswersService } from './ranking-answers.service';
import { RankingsQuery } from './rankings.query';
import { RankingsService } from './rankings.service';

@ApiTags('rankings')
@Controller('rankings')
export class RankingsController {
  constructor(
    private readonly rankings: RankingsService,
    private readonly answers: RankingAnswersService,
  ) {}

  /** Sent from memory when unchanged, compressed when accepted, 304 when the caller holds it already. */
  @Get()
  @ApiOkResponse({ description: 'RankingsDto (RankingTableDto with view=table), with a strong ETag' })
  async ranking(
    @Query() query: RankingsQuery,
    @CurrentUser() caller: AuthenticatedUser,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    sendEncodedAnswer(request, response, await this.answers.answer(caller, query));
  }

  /** The same table as a spreadsheet for the monthly bulletin (通报). */
  @Get('export.xlsx')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(
    @Query() query: RankingsQuery,
    @CurrentUser() caller: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const { fileName, content } = await this.rankings.exportWorkbook(caller, query);
    response.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="scorecard-${query.period}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    return new StreamableFile(content);
  }
}
