import type { NextFunction, Request, RequestHandler, Response } from 'express';
import multer from 'multer';
import { inspectBody } from '../../../common/input/inspect-input';
import type { ImportProblem } from '../../../enrollments/dto/import-result.response';

/** More than a 5,000-row roster (MAX_ROSTER_ROWS) with long names needs. */
export const ROSTER_MAX_BYTES = 2 * 1024 * 1024;
/** Where a roster file is posted: the only page that takes a multipart form. */
const ROSTER_PATH = /^\/admin\/cohorts\/[0-9a-f-]{36}\/roster$/i;

export type UploadProblem = 'tooLarge' | 'badForm';

declare module 'express-serve-static-core' {
  interface Request {
    /** Why a multipart form could not be read (the page says so beside the file field). */
    uploadProblem?: UploadProblem;
  }
}

/**
 * Reads the roster upload form (multer, in memory: one file, a few short fields) before
 * the input guard and the CSRF check, so the form's `_csrf` field is checked like any
 * other form's. The form puts `_csrf` before the file, so even a file that is too large
 * leaves the token read; the page then says the file is too large.
 */
export function rosterUpload(): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: ROSTER_MAX_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6, headerPairs: 50 },
  }).single('file');
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || !ROSTER_PATH.test(req.path) || !req.is('multipart/form-data')) return next();
    parse(req, res, (err: unknown) => {
      req.body ??= {};
      if (err) req.uploadProblem = (err as { code?: string }).code === 'LIMIT_FILE_SIZE' ? 'tooLarge' : 'badForm';
      next();
    });
  };
}

/**
 * The uploaded file as roster text, or what is wrong with it: missing, empty, not UTF-8
 * (a spreadsheet saved in another encoding), or holding characters no text may hold (the
 * input guard's rule for CSV bodies).
 */
export function rosterText(file: Express.Multer.File | undefined, problem?: UploadProblem): { text: string } | { error: string; problems?: ImportProblem[] } {
  if (problem) return { error: problem === 'tooLarge' ? 'admin.roster.errors.tooLarge' : 'admin.roster.errors.badForm' };
  if (!file || file.size === 0) return { error: 'admin.roster.errors.noFile' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.buffer);
  } catch {
    return { error: 'admin.roster.errors.notUtf8' };
  }
  const bad = inspectBody(text, () => true);
  if (bad.length) return { error: 'errors.codes.IMPORT_INVALID', problems: bad.map((p) => ({ line: Number(/\d+/.exec(p.field)?.[0] ?? 0), field: '(file)', message: p.message })) };
  return { text };
}
