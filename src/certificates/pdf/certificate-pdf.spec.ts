import { renderCertificatePdf, CertificatePdfData } from './certificate-pdf';

async function text(pdf: Buffer): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

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
});
