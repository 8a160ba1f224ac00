import type { HourRequirement } from '../curricula/loader/curriculum.types';
import type { HourEntryStatus } from './entities/hour-entry.entity';

export const DAILY_LIMIT_MINUTES = 24 * 60;

export interface LedgerLine {
  category: string;
  minutes: number;
  status: HourEntryStatus;
  /**
   * The supervisor the line names approved it or recorded it themselves (for a reversal:
   * the entry it reverses). Supervised categories count only signed lines.
   */
  signed: boolean;
}

export interface CategoryTotal {
  category: string;
  label: string;
  approvedMinutes: number;
  pendingMinutes: number;
  requiredMinutes: number;
  remainingMinutes: number;
  approvedHours: number;
  pendingHours: number;
  requiredHours: number;
  remainingHours: number;
}

/** Minutes as hours with at most two decimals (90 -> 1.5). */
export function toHours(minutes: number): number {
  return Math.round((minutes * 100) / 60) / 100;
}

/**
 * Totals per required category: approved is the sum of approved lines (reversals are
 * negative approved lines), pending the sum of pending ones; rejected and withdrawn lines
 * count nowhere. In a supervised category (practicum) an approved line counts only when
 * its supervisor signed it: the write paths and a database constraint ensure that for
 * every new entry, and rows recorded before that rule (an admin's practicum session that
 * named no one, say) do not count, nor do their reversals. Totals are always derived from
 * the ledger, never stored.
 */
export function totalsByCategory(requirements: HourRequirement[], lines: LedgerLine[]): CategoryTotal[] {
  return requirements.map((r) => {
    const mine = lines.filter((l) => l.category === r.category);
    const approved = mine.filter((l) => l.status === 'approved' && (l.signed || !r.supervised)).reduce((n, l) => n + l.minutes, 0);
    const pending = mine.filter((l) => l.status === 'pending').reduce((n, l) => n + l.minutes, 0);
    const required = r.hours * 60;
    const remaining = Math.max(0, required - approved);
    return {
      category: r.category,
      label: r.label,
      approvedMinutes: approved,
      pendingMinutes: pending,
      requiredMinutes: required,
      remainingMinutes: remaining,
      approvedHours: toHours(approved),
      pendingHours: toHours(pending),
      requiredHours: r.hours,
      remainingHours: toHours(remaining),
    };
  });
}

/** Why a date cannot carry an entry, or null. Dates are YYYY-MM-DD, compared as text. */
export function dateProblem(date: string, enrollmentStartedOn: string, today: string): string | null {
  if (date > today) return 'cannot be in the future';
  if (date < enrollmentStartedOn) return `cannot be before the enrollment began (${enrollmentStartedOn})`;
  return null;
}

/** Why adding minutes on a date would break the 24-hour daily limit, or null. */
export function dailyLimitProblem(alreadyOnDate: number, adding: number): string | null {
  if (alreadyOnDate + adding <= DAILY_LIMIT_MINUTES) return null;
  const left = Math.max(0, DAILY_LIMIT_MINUTES - alreadyOnDate);
  return `would bring this trainee's hours on that date over 24 (already ${toHours(alreadyOnDate)} h logged; at most ${left} more minutes)`;
}
