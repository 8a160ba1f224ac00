import { ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';

/** Page addresses with a malformed id are pages that do not exist: 404, like an unknown id. */
export const PageUuid = new ParseUUIDPipe({ errorHttpStatusCode: 404 });
export const PageInt = new ParseIntPipe({ errorHttpStatusCode: 404 });
