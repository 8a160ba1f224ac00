import { bearer, TestApp, TestUser } from '../support/test-app';
import { completeModule } from './learning';

const ATTESTATIONS: Record<string, string[]> = {
  'peer-core': ['age-18', 'diploma', 'lived-experience', 'code-of-ethics'],
  'peer-justice': ['age-18', 'diploma', 'lived-experience', 'code-of-ethics'],
  'omcp-aod': ['sentence-over-5-years', 'no-serious-rule-violations', 'reading-level-9', 'resume', 'references', 'essay-500'],
};

/** Adds a day to YYYY-MM-DD. */
export function nextDay(iso: string, days = 1): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Records class sessions for the given enrollments until each category's hours are met,
 * two 12-hour sessions a day at most (the 24-hour daily limit), from firstDay on.
 */
export async function recordAllHours(t: TestApp, instructor: TestUser, cohortId: string, enrollmentIds: string[], programCode: string, firstDay = '2026-01-06'): Promise<string> {
  const program = (await t.http.get(`/programs/${programCode}`).set(bearer(instructor)).expect(200)).body;
  let day = firstDay;
  let slot = 0;
  for (const req of program.hourRequirements as { category: string; minutes: number }[]) {
    for (let left = req.minutes; left > 0; left -= 720) {
      await t.http.post(`/cohorts/${cohortId}/sessions`).set(bearer(instructor))
        .send({ category: req.category, date: day, minutes: Math.min(720, left), topic: `${req.category} block`, enrollmentIds }).expect(201);
      if (++slot % 2 === 0) day = nextDay(day);
    }
  }
  return day;
}

/** Everything an enrollment needs for a certificate: modules, hours, attestations. */
export async function makeEligible(t: TestApp, o: { instructor: TestUser; trainee: TestUser; cohortId: string; enrollmentId: string; programCode: string; hours?: boolean; firstDay?: string }): Promise<void> {
  const program = (await t.http.get(`/programs/${o.programCode}`).set(bearer(o.trainee)).expect(200)).body;
  for (let n = 1; n <= program.moduleCount; n++) await completeModule(t, o.trainee, o.enrollmentId, n);
  for (const kind of ATTESTATIONS[o.programCode]) {
    await t.http.post(`/enrollments/${o.enrollmentId}/attestations`).set(bearer(o.instructor)).send({ kind }).expect(201);
  }
  if (o.hours !== false) await recordAllHours(t, o.instructor, o.cohortId, [o.enrollmentId], o.programCode, o.firstDay);
}
