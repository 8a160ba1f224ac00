import { renderCertificatePdf, CertificatePdfData, UnprintableNameError } from './certificate-pdf';
import { isLoaded, plainTextProblem } from './name-fonts';
import { pdfText as text } from '../../../test/support/pdf';

const data = (holderName: string): CertificatePdfData => ({
  sections: { heading: 'Certificate of Completion', kind: 'Certificate of completion of training', intro: 'This certifies that', statement: 'has completed the training.', list: 'modules', listHeading: 'Modules', signatureLabel: 'Director', disclaimer: 'Not a state certification.' },
  providerName: 'Provider', holderName, serial: 'PC-2026-000001', completedOn: 'March 2, 2026', issuedOn: 'March 3, 2026', expiresOn: null,
  verifyUrl: 'https://certs.example.org/verify/abc', modules: [{ number: 1, title: 'Ética y Confidencialidad' }], hours: [],
  issuedAt: new Date('2026-03-03T17:00:00Z'), title: 'Test',
});

describe('certificate PDF', () => {
  it('keeps every name searchable across documents that share parsed fonts', async () => {
    const names = ['José Nguyễn Ávila', 'Ana Núñez', 'Ávila Anaya', 'Åsa Ødegård', 'Ana María'];
    for (const name of names) {
      expect(await text(await renderCertificatePdf(data(name)))).toContain(name);
    }
  });

  it('renders the same data to the same bytes, whatever was rendered before', async () => {
    const first = await renderCertificatePdf(data('Ana Núñez'));
    await renderCertificatePdf(data('Ávila Ñandú Ÿ'));
    expect((await renderCertificatePdf(data('Ana Núñez'))).equals(first)).toBe(true);
  });

  it('loads the large CJK fonts only for a name that needs them', async () => {
    await renderCertificatePdf(data('Åsa Ødegård'));
    expect([isLoaded('NameHan'), isLoaded('NameHangul')]).toEqual([false, false]);
  });

  it('prints Vietnamese, Chinese and Korean names, searchable in the PDF', async () => {
    for (const name of ['Nguyễn Thị Minh Khai', '王秀英', '김민준', '陳大文 Daniel Chan', 'Trần 김 王']) {
      const pdfText = (await text(await renderCertificatePdf(data(name)))).replace(/\s+/g, ' ');
      expect([name, pdfText.includes(name)]).toEqual([name, true]);
    }
  });

  it('fits a very long name by shrinking it, on two lines when it must', async () => {
    const long = 'Maria de los Angeles Guadalupe Concepcion Esperanza Fernandez-Villanueva de la Santisima Trinidad Montenegro y Castellanos';
    expect(long.length).toBeGreaterThan(120);
    const pdfText = (await text(await renderCertificatePdf(data(long)))).replace(/\s+/g, ' ');
    expect(pdfText).toContain(long);
  });

  it('renders CJK names to the same bytes every time, whatever was rendered before', async () => {
    const first = await renderCertificatePdf(data('김민준 王秀英'));
    await renderCertificatePdf(data('王大明'));
    await renderCertificatePdf(data('이서연'));
    expect((await renderCertificatePdf(data('김민준 王秀英'))).equals(first)).toBe(true);
  });

  it('refuses a name it cannot print, saying which characters and why', async () => {
    await expect(renderCertificatePdf(data('محمد علي'))).rejects.toThrow(/"م" \(U\+0645\) is in a right-to-left script/);
    await expect(renderCertificatePdf(data('अनिल कुमार'))).rejects.toThrow(/in a script certificates cannot print yet/);
    const err = await renderCertificatePdf(data('Ana\nPérez')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnprintableNameError);
    expect((err as Error).message).toBe('The certificate cannot print this name: U+000A is a control, formatting or line-break character, which would change what is printed.');
  });

  it('says when other printed text (the provider name) has characters its font lacks', () => {
    expect(plainTextProblem('Golden State Peer Training Institute')).toBeNull();
    expect(plainTextProblem('Instituto Peñasco, Ltd. & Co.')).toBeNull();
    expect(plainTextProblem('加州同伴培训')).toMatch(/^The certificate cannot print this text: "加" \(U\+52A0\) is not in the certificate fonts/);
    expect(plainTextProblem('Line\nBreak')).toContain('U+000A is a control');
  });
});
