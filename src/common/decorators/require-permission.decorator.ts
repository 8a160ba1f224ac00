import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Permission } from '../../access/permissions';

export const REQUIRED_PERMISSION = 'requiredPermission';
/** The permission a signed-in caller needs. A route with neither this nor @Public() is refused. */
export const RequirePermission = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No valid token' }),
    ApiForbiddenResponse({ description: `Needs permission ${permission}` }),
  );
