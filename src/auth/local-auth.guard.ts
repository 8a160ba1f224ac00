import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors, validationException } from '../common/errors/validation';
import { LoginDto } from './dto/login.dto';

/**
 * Guards run before pipes, so the login body is validated here, with the same rules and
 * error shape as the global ValidationPipe, before passport looks at the password.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  canActivate(context: ExecutionContext) {
    const body: unknown = context.switchToHttp().getRequest().body;
    const dto = plainToInstance(LoginDto, typeof body === 'object' && body !== null ? body : {});
    const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw validationException(flattenValidationErrors(errors));
    return super.canActivate(context);
  }
}
