import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Permission, roleHas } from '../../access/permissions';
import type { AuthUser } from '../../auth/auth-user';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { REQUIRED_PERMISSION } from '../decorators/require-permission.decorator';

/**
 * Global, after the JWT guard: the caller's role must hold the route's permission.
 * A non-public route that declares no permission is refused, so a forgotten decorator
 * closes a route instead of opening it.
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
    return true;
  }
}
