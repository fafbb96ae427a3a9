import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { LoginResponse } from '@scorecard/contracts';
import { type AuthenticatedUser, CurrentUser } from '../common/current-user.decorator';
import { Public } from '../common/public.decorator';
import { RequestId } from '../common/request-id.decorator';
import { AuthService } from './auth.service';
import { BeforePasswordChange } from './before-password-change.decorator';
import { ChangePasswordDto } from './change-password.dto';
import { LoginDto } from './login.dto';
import { RefreshDto } from './refresh.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ description: 'An access token, a refresh token and who they belong to' })
  @ApiTooManyRequestsResponse({
    description:
      'Locked after 10 consecutive failures from one address (15 minutes there), or too many attempts from one address',
  })
  login(
    @Body() body: LoginDto,
    @Ip() address: string,
    @RequestId() requestId: string | null,
  ): Promise<LoginResponse> {
    return this.auth.login(body.username, body.password, { address, requestId });
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() body: RefreshDto, @RequestId() requestId: string | null): Promise<LoginResponse> {
    return this.auth.refresh(body.refreshToken, requestId);
  }

  @Post('password')
  @HttpCode(200)
  @BeforePasswordChange()
  @ApiOkResponse({
    description: 'The password is changed; every other session of the account has ended',
  })
  async changePassword(
    @Body() body: ChangePasswordDto,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<{ changed: true }> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
    return { changed: true };
  }

  @Post('logout')
  @HttpCode(204)
  @BeforePasswordChange()
  logout(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    return this.auth.logout(user);
  }
}
