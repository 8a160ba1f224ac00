import { AppError } from '../common/errors/app-error';
import type { HourRequirement, ProgramFile } from '../curricula/loader/curriculum.types';

/** The hour category of the enrollment's program version, or a 422 naming the allowed ones. */
export function requireCategory(program: ProgramFile, category: string): HourRequirement {
  const req = program.hourRequirements.find((h) => h.category === category);
  if (!req) {
    const allowed = program.hourRequirements.map((h) => h.category);
    throw new AppError('UNKNOWN_CATEGORY', `"${category}" is not an hour category of ${program.title}. Use one of: ${allowed.join(', ')}.`, { field: 'category', allowed });
  }
  return req;
}

/** Practicum details only on supervised categories; core functions from the program's list when it has one. */
export function checkPracticumFields(program: ProgramFile, req: HourRequirement, dto: { facility?: string; coreFunctions?: string[]; supervisorCredential?: string }): void {
  const given = dto.facility !== undefined || dto.coreFunctions !== undefined || dto.supervisorCredential !== undefined;
  if (given && !req.supervised) {
    throw new AppError('PRACTICUM_FIELDS', `facility, coreFunctions and supervisorCredential apply only to supervised categories, not "${req.category}".`, { field: 'facility' });
  }
  const known = program.certification?.practicumFunctions;
  if (dto.coreFunctions && Array.isArray(known)) {
    const bad = dto.coreFunctions.filter((f) => !known.includes(f));
    if (bad.length) throw new AppError('PRACTICUM_FIELDS', `Unknown core function(s): ${bad.join(', ')}. Known: ${known.join(', ')}.`, { field: 'coreFunctions' });
  }
}
