import { applyDecorators, Controller, SetMetadata } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

export const IS_WEB = 'peercert:web';

/**
 * A controller of pages: authenticated by the session cookie (never a bearer token),
 * CSRF-checked on every POST, answered with HTML (errors too). Left out of the OpenAPI
 * document, which describes the API.
 */
export const WebController = (path = '') => applyDecorators(Controller(path), SetMetadata(IS_WEB, true), ApiExcludeController());
