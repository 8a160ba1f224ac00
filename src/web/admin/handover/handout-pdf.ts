import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/** The words of a handout, already in the trainee's language (from the catalogs). */
export interface HandoutWords {
  title: string;
  greeting: (name: string) => string;
  lead: string;
  addressLabel: string;
  emailLabel: string;
  passwordLabel: string;
  stepsHeading: string;
  steps: string[];
  keepPrivate: string;
  footer: string;
}

export interface HandoutPerson {
  fullName: string;
  email: string;
  password: string;
}

export interface HandoutData {
  providerName: string;
  signInUrl: string;
  words: HandoutWords;
  people: HandoutPerson[];
  /** Fixes the PDF's dates (the same handouts render to the same bytes). */
  createdAt: Date;
}

// The certificates' fonts (DejaVu: names like José or Nguyễn), and DejaVu Sans Mono for the
// password, whose characters cannot be mistaken for one another.
const DEJAVU = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONTS = { Regular: 'DejaVuSans.ttf', Bold: 'DejaVuSans-Bold.ttf', Title: 'DejaVuSerif-Bold.ttf', Mono: 'DejaVuSansMono-Bold.ttf' } as const;
let fontBytes: Record<string, Buffer> | undefined;
const fonts = () => (fontBytes ??= Object.fromEntries(Object.entries(FONTS).map(([k, f]) => [k, readFileSync(join(DEJAVU, f))])));

const INK = '#1d2b3a';
const ACCENT = '#7a5c1e';
const M = 72; // US Letter, portrait, one-inch margins
const W = 612;

/**
 * One page per person: where to sign in, their email, their one-time password and how to
 * change it, to hand out in a class with no internet. Real text, fonts embedded.
 */
export function renderHandouts(d: HandoutData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'LETTER', margin: M, compress: true, autoFirstPage: false, info: { Title: d.words.title, Author: d.providerName, CreationDate: d.createdAt, ModDate: d.createdAt } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const [name, bytes] of Object.entries(fonts())) doc.registerFont(name, bytes);
    const width = W - 2 * M;
    for (const p of d.people) {
      doc.addPage();
      doc.font('Bold').fontSize(10).fillColor(ACCENT).text(d.providerName.toUpperCase(), { characterSpacing: 1.5 });
      doc.moveDown(0.6);
      doc.font('Title').fontSize(22).fillColor(INK).text(d.words.title);
      doc.moveDown(0.8);
      doc.font('Regular').fontSize(12).text(d.words.greeting(p.fullName));
      doc.moveDown(0.4).text(d.words.lead, { lineGap: 2 });
      const field = (label: string, value: string, font: string, size: number) => {
        doc.moveDown(0.9);
        doc.font('Bold').fontSize(10).fillColor(ACCENT).text(label.toUpperCase(), { characterSpacing: 1 });
        const y = doc.y + 4;
        const h = size + 16;
        doc.lineWidth(1).strokeColor(ACCENT).rect(M, y, width, h).stroke();
        doc.font(font).fontSize(size).fillColor(INK).text(value, M + 10, y + 8, { width: width - 20, lineBreak: false });
        doc.x = M;
        doc.y = y + h;
      };
      field(d.words.addressLabel, d.signInUrl, 'Regular', 13);
      field(d.words.emailLabel, p.email, 'Regular', 13);
      field(d.words.passwordLabel, p.password, 'Mono', 20);
      doc.moveDown(1.2);
      doc.font('Bold').fontSize(13).fillColor(INK).text(d.words.stepsHeading);
      doc.moveDown(0.3);
      doc.font('Regular').fontSize(12);
      d.words.steps.forEach((s, i) => {
        doc.text(`${i + 1}. ${s}`, M + 8, doc.y, { width: width - 8, lineGap: 2 });
        doc.moveDown(0.3);
      });
      doc.moveDown(0.6);
      doc.font('Bold').fontSize(11).text(d.words.keepPrivate, M, doc.y, { width, lineGap: 2 });
      doc.font('Regular').fontSize(9).fillColor('#4a4a4a').text(d.words.footer, M, 700, { width, align: 'center' });
    }
    doc.end();
  });
}
