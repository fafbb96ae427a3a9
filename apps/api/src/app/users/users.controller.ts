import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { UserDto } from '@scorecard/contracts';
import { Authorize } from '../access/authorize.decorator';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { CreateUserDto, ResetPasswordDto, UpdateUserDto } from './user.dto';
import { UsernamePipe } from './username.pipe';
import { UsersService } from './users.service';
import { AgencyCodeQuery } from './agency-code.query';

@ApiTags('users')
@Controller('users')
@Authorize('user.manage')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiQuery({ name: 'agencyCode', required: false, description: 'Users of this agency and below; default: your scope' })
  list(@Query() query: AgencyCodeQuery, @CurrentUser() caller: AuthenticatedUser): Promise<UserDto[]> {
    return this.users.list(caller, query.agencyCode);
  }

  @Post()
  create(@Body() body: CreateUserDto, @CurrentUser() caller: AuthenticatedUser): Promise<UserDto> {
    return this.users.create(caller, body);
  }

  @Patch(':username')
  update(
    @Param('username', UsernamePipe) username: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<UserDto> {
    return this.users.update(caller, username, body);
  }

  @Post(':username/reset-password')
  @HttpCode(204)
  resetPassword(
    @Param('username', UsernamePipe) username: string,
    @Body() body: ResetPasswordDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<void> {
    return this.users.resetPassword(caller, username, body);
  }

  @Post(':username/unlock')
  @HttpCode(204)
  unlock(@Param('username', UsernamePipe) username: string, @CurrentUser() caller: AuthenticatedUser): Promise<void> {
    return this.users.unlock(caller, username);
  }
}
