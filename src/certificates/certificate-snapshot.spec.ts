import { buildSnapshot, expiryFor, formatSerial, verificationStatus } from './certificate-snapshot';
import type { ProgramFile } from '../curricula/loader/curriculum.types';

describe('certificate snapshot and status', () => {
  it('keeps completed modules and approved hours per category', () => {
    const s = buildSnapshot({
      holderName: 'José Nguyễn',
      program: { code: 'omcp-aod', title: 'OMCP', certificate: { kind: 'Certificate of completion of training' } } as ProgramFile,
      version: { seq: 2, label: '2026.1' },
      modules: [
        { number: 1, title: 'A', lessonsDone: 3, lessonsTotal: 3, attemptsUsed: 1, attemptsAllowed: 3, bestScore: 90, passed: true, completed: true },
        { number: 2, title: 'B', lessonsDone: 1, lessonsTotal: 3, attemptsUsed: 0, attemptsAllowed: 3, bestScore: null, passed: false, completed: false },
      ],
      hours: [
        { category: 'education', label: 'Education', approvedMinutes: 21000, approvedHours: 350 } as never,
        { category: 'practicum', label: 'Practicum', approvedMinutes: 15330, approvedHours: 255.5 } as never,
      ],
      providerName: 'Provider', issuedByName: 'Admin',
    });
    expect(s.modules).toEqual([{ number: 1, title: 'A' }]);
    expect(s.hours).toEqual([{ category: 'education', label: 'Education', hours: 350 }, { category: 'practicum', label: 'Practicum', hours: 255.5 }]);
    expect(s.totalHours).toBe(605.5);
  });

  it('computes expiry and the public status', () => {
    expect(expiryFor('2026-01-31', null)).toBeNull();
    expect(expiryFor('2026-01-31', 24)).toBe('2028-01-31');
    expect(expiryFor('2024-02-29', 12)).toBe('2025-02-28');
    expect(verificationStatus('active', null, '2030-01-01')).toBe('valid');
    expect(verificationStatus('active', '2027-01-01', '2027-01-02')).toBe('expired');
    expect(verificationStatus('active', '2027-01-01', '2027-01-01')).toBe('valid');
    expect(verificationStatus('revoked', null, '2026-01-01')).toBe('revoked');
    expect(verificationStatus('superseded', '2020-01-01', '2026-01-01')).toBe('superseded');
  });

  it('formats serials', () => {
    expect(formatSerial(2026, 123)).toBe('PC-2026-000123');
  });
});
