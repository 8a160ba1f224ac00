import { SealedBox } from './sealed-box';

describe('SealedBox', () => {
  const box = new SealedBox('a shared secret that is long enough', 'test purpose');

  it('opens what it sealed, and never shows the secret in the box', () => {
    const sealed = box.seal('one-time-Passw0rd', 'import-1:2');
    expect(sealed.includes(Buffer.from('one-time-Passw0rd'))).toBe(false);
    expect(box.open(sealed, 'import-1:2')).toBe('one-time-Passw0rd');
    expect(box.seal('same', 'x').equals(box.seal('same', 'x'))).toBe(false);
  });

  it('refuses a box moved to another row, altered, or sealed with another key or purpose', () => {
    const sealed = box.seal('secret', 'import-1:2');
    expect(() => box.open(sealed, 'import-1:3')).toThrow();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] ^= 1;
    expect(() => box.open(altered, 'import-1:2')).toThrow();
    expect(() => new SealedBox('another secret entirely, also long', 'test purpose').open(sealed, 'import-1:2')).toThrow();
    expect(() => new SealedBox('a shared secret that is long enough', 'other purpose').open(sealed, 'import-1:2')).toThrow();
  });
});
