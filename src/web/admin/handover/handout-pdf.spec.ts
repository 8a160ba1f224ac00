import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../config/load-config';
import { readCatalogs, Translator } from '../../i18n/catalogs';
import { pdfPages } from '../../../../test/support/pdf';
import { renderHandouts } from './handout-pdf';
import { handoutWords } from './handout-words';

const translator = new Translator(readCatalogs(join(PROJECT_ROOT, 'templates')));
const people = [
  { fullName: 'José Nguyễn Ávila', email: 'jose@example.org', password: 'k7pm-qr3x-hv9t-c4wn' },
  { fullName: 'Ana Núñez', email: 'ana@example.org', password: 'xq4r-7pmk-3vth-9cwn' },
  { fullName: '王秀英', email: 'xiuying@example.org', password: 'mkq3-4rtv-wxy7-89ab' },
  { fullName: '김민준', email: 'minjun@example.org', password: 'pqrt-uvwx-y346-7891' },
];
const render = (lang: 'en' | 'es') => renderHandouts({
  providerName: 'Valley Peer Training', signInUrl: 'https://certs.example.org/signin',
  words: handoutWords(translator, lang, { providerName: 'Valley Peer Training', days: 14 }), people, createdAt: new Date('2026-03-03T17:00:00Z'),
});

describe('roster handouts (PDF)', () => {
  it('prints one page per person: the sign-in address, their email, their one-time password and how to change it', async () => {
    const pages = await pdfPages(await render('en'));
    expect(pages).toHaveLength(4);
    for (const [i, p] of people.entries()) {
      expect(pages[i]).toContain(p.fullName);
      expect(pages[i]).toContain(p.email);
      expect(pages[i]).toContain(p.password);
      expect(pages[i]).toContain('https://certs.example.org/signin');
      expect(pages[i]).toContain('How to sign in the first time');
      expect(pages[i]).toContain('14 days');
      // never someone else's password
      for (const other of people.filter((o) => o !== p)) expect(pages[i]).not.toContain(other.password);
    }
  });

  it('prints Chinese and Korean names in the certificates’ fonts, searchable', async () => {
    const pages = await pdfPages(await render('en'));
    expect(pages[2]).toContain('王秀英');
    expect(pages[3]).toContain('김민준');
    expect(pages[0]).toContain('This sheet is for:');
  });

  it('speaks Spanish when asked', async () => {
    const [first] = await pdfPages(await render('es'));
    expect(first).toContain('Su contraseña de un solo uso'.toUpperCase());
    expect(first).toContain('Cómo entrar la primera vez');
    expect(first).toContain('José Nguyễn Ávila');
  });
});
