import { passwordProblem } from './password-policy';
import { releaseNow } from '../common/memory/idle-release';

describe('password policy', () => {
  it('refuses short, repeated, common and keyboard-pattern passwords', () => {
    expect(passwordProblem('short1!')).toBe('tooShort');
    expect(passwordProblem('aaaaaaaaaaaa')).toBe('tooEasy');
    expect(passwordProblem('password1234')).toBe('tooEasy');
    expect(passwordProblem('qwertyuiop12')).toBe('tooEasy');
    expect(passwordProblem('contraseña123')).toBe('tooEasy');
  });

  it('refuses a password made of the person’s own name or email', () => {
    expect(passwordProblem('mariagarcia2024', ['maria.garcia@example.org', 'María García'])).toBe('containsPersonal');
  });

  it('accepts a passphrase of unrelated words and a long random string', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('river lantern copper seven')).toBeNull();
    expect(passwordProblem('J8#kd92!mxP0qZ')).toBeNull();
  });

  it('refuses a password over the length limit', () => {
    expect(passwordProblem('x'.repeat(201))).toBe('tooLong');
  });
});

describe('password policy after the app went quiet', () => {
  it('lets the dictionaries go and loads them again at the next check, with the same answers', () => {
    expect(passwordProblem('password1234')).toBe('tooEasy');
    releaseNow();
    expect(passwordProblem('password1234')).toBe('tooEasy');
    expect(passwordProblem('river lantern copper seven')).toBeNull();
  });
});
