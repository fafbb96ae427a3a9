import { Body, Controller, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IMPORT_KINDS, type ImportAcceptedDto, type ImportDto, type ImportKind, type Language } from '@scorecard/contracts';
import { Authorize } from '../access/authorize.decorator';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { RequestLanguage } from '../common/request-language.decorator';
import { buildImportErrorReport } from './import-errors.csv';
import { ImportsService, type UploadedImport } from './imports.service';
import { UploadSizeInterceptor } from './upload-size.interceptor';

class ImportFormDto {
  @IsIn(IMPORT_KINDS)
  kind!: ImportKind;

  /** `true`: replace figures someone typed in without asking first. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'replaceTyped must be true or false' })
  replaceTyped?: 'true' | 'false';
}

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(202)
  @Authorize('submission.write')
  @UseInterceptors(UploadSizeInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        kind: { enum: [...IMPORT_KINDS] },
        replaceTyped: { enum: ['true', 'false'] },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  upload(
    @Body() form: ImportFormDto,
    @UploadedFile() file: UploadedImport | undefined,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<ImportAcceptedDto> {
    return this.imports.accept(caller, form.kind, file, form.replaceTyped === 'true');
  }

  /** Applies a file that waits for a confirmation (`needs_confirmation`): 202, the same job runs again. */
  @Post(':id/confirm')
  @HttpCode(202)
  @Authorize('submission.write')
  confirm(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() caller: AuthenticatedUser): Promise<ImportAcceptedDto> {
    return this.imports.confirm(caller, id);
  }

  /** Drops a file that waits for a confirmation: nothing is applied, its upload is removed. */
  @Post(':id/cancel')
  @HttpCode(200)
  @Authorize('submission.write')
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @RequestLanguage() language: Language,
  ): Promise<ImportDto> {
    return this.imports.cancel(caller, id, language);
  }

  @Get(':id')
  find(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @RequestLanguage() language: Language,
  ): Promise<ImportDto> {
    return this.imports.find(caller, id, language);
  }

  @Get(':id/errors.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="import-errors.csv"')
  async errors(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @RequestLanguage() language: Language,
  ): Promise<string> {
    return buildImportErrorReport(await this.imports.find(caller, id, language), language);
  }
}
