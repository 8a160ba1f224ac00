import { AppError } from '../common/errors/app-error';
import { closedBecause, requireActive } from './enrollment-open';

describe('enrollment open for changes', () => {
  it('is open only while active and the trainee\'s account is active', () => {
    expect(closedBecause({ status: 'active', traineeActive: true })).toBeNull();
    expect(closedBecause({ status: 'withdrawn', traineeActive: true })).toBe('is withdrawn');
    expect(closedBecause({ status: 'completed', traineeActive: true })).toBe('is completed');
    expect(closedBecause({ status: 'active', traineeActive: false })).toBe('belongs to a deactivated account');
  });

  it('refuses a change with a 409 saying why', () => {
    expect(() => requireActive({ status: 'active', traineeActive: true })).not.toThrow();
    try {
      requireActive({ status: 'active', traineeActive: false });
      throw new Error('did not throw');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(409);
      expect((err as AppError).message).toBe('This enrollment belongs to a deactivated account; it can no longer change.');
    }
  });
});
