import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Permission } from '../access/permissions';
import { CurrentUser } from '../common/decorators/current-user.decorator';
import { Public } from '../common/decorators/public.decorator';
import { AllowedBeforePasswordChange } from '../common/decorators/password-change.decorator';
import { RequirePermission } from '../common/decorators/require-permission.decorator';
import { UserResponse } from '../users/dto/user.response';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { LoginResponse } from './dto/login.response';
import { LocalAuthGuard } from './local-auth.guard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService, private readonly users: UsersService) {}

  /** The body is validated (LoginDto) before passport checks the password. */
  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOkResponse({ type: LoginResponse })
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this account' })
  login(@Body() _dto: LoginDto, @CurrentUser() user: AuthUser): Promise<LoginResponse> {
    return this.auth.login(user);
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
  async changePassword(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.auth.changePassword(user, dto);
  }
}
