import { renderSignInSheetPdf, SignInSheetPdfData } from './sign-in-sheet-pdf';
import { pdfPages as pages } from '../../../test/support/pdf';

const sheet = (trainees: string[]): SignInSheetPdfData => ({
  lang: 'es-US', providerName: 'Proveedor de Prueba', title: 'Hoja de asistencia', lead: 'Cada participante firma en su propia línea.',
  facts: [{ label: 'Clase', value: 'Primavera 2026' }, { label: 'Lugar', value: 'Solano' }, { label: 'Fecha', value: '3 de marzo de 2026' }, { label: 'Tema', value: 'Ética' }],
  columns: { number: 'N.º', name: 'Nombre legal', signature: 'Firma', timeIn: 'Entrada', timeOut: 'Salida' },
  trainees, confirmation: 'Confirmo que quienes firmaron asistieron.', instructorSignature: 'Firma del instructor', instructorName: 'Nombre: Irene Núñez',
  dateLabel: 'Fecha', footer: 'Primavera 2026 · 3 de marzo de 2026', pageText: (p, n) => `Página ${p} de ${n}`, createdAt: new Date('2026-03-03T17:00:00Z'),
});

describe('sign-in sheet PDF', () => {
  it('prints the session, one numbered line per trainee and the instructor’s signature line, searchable', async () => {
    const [page, ...more] = await pages(await renderSignInSheetPdf(sheet(['José Nguyễn Ávila', 'Ana Núñez'])));
    expect(more).toEqual([]);
    for (const text of ['PROVEEDOR DE PRUEBA', 'Hoja de asistencia', 'Primavera 2026', 'Solano', '3 de marzo de 2026', 'Ética', 'Nombre legal', 'Firma', 'Entrada', 'Salida', 'José Nguyễn Ávila', 'Ana Núñez', 'Firma del instructor', 'Nombre: Irene Núñez', 'Página 1 de 1']) {
      expect([text, page.includes(text)]).toEqual([text, true]);
    }
    expect(page.indexOf('José Nguyễn Ávila')).toBeLessThan(page.indexOf('Ana Núñez'));
  });

  it('runs onto more pages with the header repeated, and signs off on the last', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `Trainee ${String(i + 1).padStart(2, '0')}`);
    const all = await pages(await renderSignInSheetPdf(sheet(names)));
    expect(all.length).toBeGreaterThan(1);
    for (const [i, text] of all.entries()) {
      expect(text).toContain('Nombre legal');
      expect(text).toContain(`Página ${i + 1} de ${all.length}`);
    }
    for (const n of names) expect(all.some((p) => p.includes(n))).toBe(true);
    expect(all[all.length - 1]).toContain('Firma del instructor');
  });

  it('renders the same sheet to the same bytes', async () => {
    const a = await renderSignInSheetPdf(sheet(['Ana Núñez']));
    await renderSignInSheetPdf(sheet(['Ávila Ñandú']));
    expect((await renderSignInSheetPdf(sheet(['Ana Núñez']))).equals(a)).toBe(true);
  });
});
