import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { SchemeDto, SchemePreviewDto, SchemeVersionDto } from '@scorecard/contracts';
import { Authorize } from '../access/authorize.decorator';
import { CalendarYearPipe } from '../calendar/calendar-year.pipe';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { PutSchemeBody, SchemeBody } from './scheme.dto';
import { SchemePeriodQuery } from './scheme-period.query';
import { SchemeService } from './scheme.service';

/** The province's scheme (考核方案): a year's versions, each in force from one of its months. */
@ApiTags('schemes')
@Controller('schemes')
export class SchemeController {
  constructor(private readonly schemes: SchemeService) {}

  @Get(':year')
  @ApiQuery({
    name: 'period',
    required: false,
    description: 'The version in force that month (YYYY-MM)',
  })
  find(
    @Param('year', CalendarYearPipe) year: number,
    @Query() query: SchemePeriodQuery,
  ): Promise<SchemeDto> {
    return this.schemes.find(year, query.period);
  }

  @Get(':year/versions')
  versions(@Param('year', CalendarYearPipe) year: number): Promise<SchemeVersionDto[]> {
    return this.schemes.versions(year);
  }

  @Put(':year')
  @Authorize('scheme.manage')
  put(
    @Param('year', CalendarYearPipe) year: number,
    @Body() body: PutSchemeBody,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<SchemeDto> {
    return this.schemes.put(caller, year, body);
  }

  @Post(':year/preview')
  @HttpCode(200)
  @Authorize('scheme.manage')
  preview(
    @Param('year', CalendarYearPipe) year: number,
    @Body() body: SchemeBody,
  ): Promise<SchemePreviewDto> {
    return this.schemes.preview(year, body);
  }
}
