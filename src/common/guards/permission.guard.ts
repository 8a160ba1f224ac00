import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Permission, roleHas } from '../../access/permissions';
import type { AuthUser } from '../../auth/auth-user';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { ALLOWED_BEFORE_PASSWORD_CHANGE } from '../decorators/password-change.decorator';
import { AppError } from '../errors/app-error';
import { REQUIRED_PERMISSION } from '../decorators/require-permission.decorator';

/**
 * Global, after the JWT guard: the caller's role must hold the route's permission.
 * A non-public route that declares no permission is refused, so a forgotten decorator
 * closes a route instead of opening it. A user still on a one-time password reaches only
 * the routes marked @AllowedBeforePasswordChange().
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const user = context.switchToHttp().getRequest().user as AuthUser | undefined;
    if (!permission || !user || !roleHas(user.role, permission)) {
      throw new ForbiddenException('You do not have permission to do this.');
    }
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'You signed in with a one-time password: set a new password first (POST /me/password).');
    }
    return true;
  }
}
