import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  CreatedUserDto,
  PasswordResetResultDto,
  UserDto,
  UserImportResultDto,
} from '@scorecard/contracts';
import { Authorize } from '../access/authorize.decorator';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './user.dto';
import { UsernamePipe } from './username.pipe';
import { UsersService } from './users.service';
import { AgencyCodeQuery } from './agency-code.query';
import { type UploadedAccountsFile, USER_IMPORT_MAX_BYTES, UserImportService } from './user-import.service';

@ApiTags('users')
@Controller('users')
@Authorize('user.manage')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly userImport: UserImportService,
  ) {}

  @Get()
  @ApiQuery({ name: 'agencyCode', required: false, description: 'Users of this agency and below; default: your scope' })
  list(@Query() query: AgencyCodeQuery, @CurrentUser() caller: AuthenticatedUser): Promise<UserDto[]> {
    return this.users.list(caller, query.agencyCode);
  }

  @Post()
  create(@Body() body: CreateUserDto, @CurrentUser() caller: AuthenticatedUser): Promise<CreatedUserDto> {
    return this.users.create(caller, body);
  }

  /** Accounts from a spreadsheet, all or nothing; each with an initial password answered once. */
  @Post('import')
  @UseInterceptors(
    FileInterceptor('file', {
      // Small by nature (a row per person): held in memory and read from there as a stream.
      storage: memoryStorage(),
      limits: { fileSize: USER_IMPORT_MAX_BYTES, files: 1, fields: 2 },
      defParamCharset: 'utf8',
    } as Parameters<typeof FileInterceptor>[1]),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  import(
    @UploadedFile() file: UploadedAccountsFile | undefined,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<UserImportResultDto> {
    return this.userImport.import(caller, file);
  }

  @Patch(':username')
  update(
    @Param('username', UsernamePipe) username: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<UserDto> {
    return this.users.update(caller, username, body);
  }

  /** 204 with the password given; without one, 200 with the generated password, shown this once. */
  @Post(':username/reset-password')
  @HttpCode(204)
  async resetPassword(
    @Param('username', UsernamePipe) username: string,
    @Body() body: ResetPasswordDto,
    @CurrentUser() caller: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<PasswordResetResultDto | undefined> {
    const generated = await this.users.resetPassword(caller, username, body);
    if (!generated) return undefined;
    response.status(200);
    return generated;
  }

  @Post(':username/unlock')
  @HttpCode(204)
  unlock(@Param('username', UsernamePipe) username: string, @CurrentUser() caller: AuthenticatedUser): Promise<void> {
    return this.users.unlock(caller, username);
  }
}
