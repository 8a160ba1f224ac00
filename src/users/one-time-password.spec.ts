import { newOneTimePassword, ONE_TIME_ALPHABET } from './one-time-password';
import { passwordProblem } from './password-policy';

describe('one-time passwords', () => {
  it('are four groups of four unambiguous characters, different every time, and pass the password policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = newOneTimePassword();
      expect(p).toMatch(new RegExp(`^[${ONE_TIME_ALPHABET}]{4}(-[${ONE_TIME_ALPHABET}]{4}){3}$`));
      seen.add(p);
    }
    expect(seen.size).toBe(200);
    for (let i = 0; i < 5; i++) expect(passwordProblem(newOneTimePassword(), ['ana@example.org', 'Ana Pérez'])).toBeNull();
    expect(ONE_TIME_ALPHABET).not.toMatch(/[0o1liI5sS2zZ]/);
  });
});
