import { AppError } from '../common/errors/app-error';
import { decideNewEntry } from './entry-approval';

const practicum = { label: 'Supervised practicum', supervised: true, selfReported: false };
const education = { label: 'Education', supervised: false, selfReported: false };
const study = { label: 'Study', supervised: false, selfReported: true };
const alice = { id: 'alice', role: 'instructor' as const };
const admin = { id: 'admin', role: 'admin' as const };
const trainee = { id: 'tina', role: 'trainee' as const };
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof AppError ? `${err.code} ${String(err.details?.field)}` : String(err);
  }
  return 'no refusal';
};

describe('who signs a new hour entry', () => {
  it('supervised hours recorded by their supervisor count at once, naming them (or nobody: then the recorder)', () => {
    expect(decideNewEntry({ actor: alice, category: practicum, supervisorId: 'alice' })).toEqual({ status: 'approved', supervisorId: 'alice' });
    expect(decideNewEntry({ actor: alice, category: practicum, supervisorId: null })).toEqual({ status: 'approved', supervisorId: 'alice' });
  });

  it('supervised hours naming someone else wait for them, whoever records them', () => {
    expect(decideNewEntry({ actor: alice, category: practicum, supervisorId: 'bob' })).toEqual({ status: 'pending', supervisorId: 'bob' });
    expect(decideNewEntry({ actor: admin, category: practicum, supervisorId: 'bob' })).toEqual({ status: 'pending', supervisorId: 'bob' });
    expect(decideNewEntry({ actor: trainee, category: practicum, supervisorId: 'bob' })).toEqual({ status: 'pending', supervisorId: 'bob' });
  });

  it('supervised hours naming nobody are refused to admins and trainees', () => {
    expect(refusal(() => decideNewEntry({ actor: admin, category: practicum, supervisorId: null }))).toBe('SUPERVISOR_REQUIRED supervisorId');
    expect(refusal(() => decideNewEntry({ actor: trainee, category: practicum, supervisorId: null }))).toBe('SUPERVISOR_REQUIRED supervisorId');
  });

  it('other categories: staff entries count at once; a trainee\'s wait unless self-reported; a named supervisor always acts', () => {
    expect(decideNewEntry({ actor: alice, category: education, supervisorId: null })).toEqual({ status: 'approved', supervisorId: 'alice' });
    expect(decideNewEntry({ actor: admin, category: education, supervisorId: null })).toEqual({ status: 'approved', supervisorId: null });
    expect(decideNewEntry({ actor: alice, category: education, supervisorId: 'bob' })).toEqual({ status: 'pending', supervisorId: 'bob' });
    expect(decideNewEntry({ actor: trainee, category: education, supervisorId: 'bob' })).toEqual({ status: 'pending', supervisorId: 'bob' });
    expect(refusal(() => decideNewEntry({ actor: trainee, category: education, supervisorId: null }))).toBe('SUPERVISOR_REQUIRED supervisorId');
    expect(decideNewEntry({ actor: trainee, category: study, supervisorId: null })).toEqual({ status: 'approved', supervisorId: null });
    expect(decideNewEntry({ actor: trainee, category: study, supervisorId: 'bob' })).toEqual({ status: 'pending', supervisorId: 'bob' });
  });
});
