import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC } from '../decorators/public.decorator';
import { IS_WEB } from '../../web/web-controller.decorator';

/** Global: every API route needs a valid access token unless it says @Public(). Pages have WebSessionGuard. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  canActivate(context: ExecutionContext) {
    const targets = [context.getHandler(), context.getClass()];
    // pages authenticate by their session (WebSessionGuard), never by a bearer token
    if (this.reflector.getAllAndOverride<boolean>(IS_WEB, targets)) return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    if (isPublic) return true;
    return super.canActivate(context);
  }
}
