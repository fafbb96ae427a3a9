import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { RankingsDto } from '@scorecard/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { RankingsQuery } from './rankings.query';
import { RankingsService } from './rankings.service';

@ApiTags('rankings')
@Controller('rankings')
export class RankingsController {
  constructor(private readonly rankings: RankingsService) {}

  @Get()
  ranking(@Query() query: RankingsQuery, @CurrentUser() caller: AuthenticatedUser): Promise<RankingsDto> {
    return this.rankings.ranking(caller, query);
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
