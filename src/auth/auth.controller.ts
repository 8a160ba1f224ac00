import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { Permission } from '../access/permissions';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { AllowedBeforePasswordChange } from '../common/decorators/password-change.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { clientAddress } from '../common/http/client-address';
import { UserResponse } from '../users/dto/user.response';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResponse } from './dto/login.response';
import { UnlockSignInResponse } from './dto/unlock-sign-in.response';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService, private readonly users: UsersService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this account from this address (Retry-After)' })
  @ApiServiceUnavailableResponse({ description: 'Too many sign-ins being checked at once (Retry-After)' })
  login(@Body() dto: LoginDto, @Req() req: Request): Promise<LoginResponse> {
    return this.auth.login(dto.email, dto.password, clientAddress(req));
  }

  @Get('me')
  @RequirePermission(Permission.ProfileRead)
  @AllowedBeforePasswordChange()
  me(@CurrentUser() user: AuthUser): Promise<UserResponse> {
    return this.users.get(user.id);
  }

  /**
   * Anyone signed in changes their own password, e.g. the one-time password of a roster
   * import. Every token made before, this one included, stops working: sign in again.
   */
  @Post('me/password')
  @HttpCode(204)
  @RequirePermission(Permission.ProfileRead)
  @AllowedBeforePasswordChange()
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto, @Req() req: Request): Promise<void> {
    await this.auth.changePassword(user, dto, clientAddress(req));
  }

  /** The real owner's way back in when someone keeps failing sign-ins for their account. */
  @Post('users/:id/unlock-sign-in')
  @HttpCode(200)
  @RequirePermission(Permission.UsersManage)
  unlockSignIn(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string): Promise<UnlockSignInResponse> {
    return this.auth.unlockSignIn(actor, id);
  }
}
