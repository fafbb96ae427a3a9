import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { memoryStorage } from 'multer';
import type { CalendarDto, CalendarDueDatesDto } from '@scorecard/contracts';
import { Authorize } from '../access/authorize.decorator';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { PutCalendarDto } from './calendar.dto';
import { CalendarYearPipe } from './calendar-year.pipe';
import { CalendarService, type UploadedCalendar } from './calendar.service';

/** A year's calendar is a few hundred rows: a small file, read in memory. */
const MAX_CALENDAR_FILE_BYTES = 256 * 1024;

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get(':year')
  find(@Param('year', CalendarYearPipe) year: number): Promise<CalendarDto> {
    return this.calendar.find(year);
  }

  @Get(':year/due-dates')
  dueDates(@Param('year', CalendarYearPipe) year: number): Promise<CalendarDueDatesDto> {
    return this.calendar.dueDates(year);
  }

  @Put(':year')
  @Authorize('calendar.manage')
  put(
    @Param('year', CalendarYearPipe) year: number,
    @Body() body: PutCalendarDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<CalendarDto> {
    return this.calendar.put(caller, year, body);
  }

  @Post(':year/import')
  @HttpCode(200)
  @Authorize('calendar.manage')
  @UseInterceptors(
    FileInterceptor('file', {
      storage: memoryStorage(),
      limits: { fileSize: MAX_CALENDAR_FILE_BYTES, files: 1, fields: 0 },
      defParamCharset: 'utf8',
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
  })
  import(
    @Param('year', CalendarYearPipe) year: number,
    @UploadedFile() file: UploadedCalendar | undefined,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<CalendarDto> {
    return this.calendar.import(caller, year, file);
  }
}
