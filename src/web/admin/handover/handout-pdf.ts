import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { font, nameRuns } from '../../../certificates/pdf/name-fonts';
import type { NameFont, NameRun } from '../../../certificates/pdf/name-fonts';

/** The words of a handout, already in the trainee's language (from the catalogs). */
export interface HandoutWords {
  title: string;
  /** Above the person's name: "This sheet is for:" */
  greeting: string;
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

// DejaVu Sans Mono for the password, whose characters cannot be mistaken for one another.
const MONO = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSansMono-Bold.ttf');
let monoBytes: Buffer | undefined;

/**
 * The certificates' fonts (src/certificates/pdf/name-fonts.ts: DejaVu, and Noto for Chinese
 * and Korean names), parsed once per process. As for certificates, each font's glyph cache is
 * emptied for every document, so the text stays searchable (rendering is synchronous).
 */
function fontsFor(people: HandoutPerson[]): { fonts: Record<string, unknown>; names: (NameRun[] | null)[] } {
  const names = people.map((p) => {
    const r = nameRuns(p.fullName);
    return 'runs' in r ? r.runs : null;
  });
  const used = new Set<NameFont | 'Regular'>(['Regular', 'Bold', 'Title']);
  for (const runs of names) for (const r of runs ?? []) used.add(r.font);
  const fonts: Record<string, unknown> = {};
  for (const n of used) {
    const f = font(n);
    f._glyphs = {};
    fonts[n] = f;
  }
  fonts.Mono = (monoBytes ??= readFileSync(MONO));
  return { fonts, names };
}

const INK = '#1d2b3a';
const ACCENT = '#7a5c1e';
const M = 72; // US Letter, portrait, one-inch margins
const W = 612;

/** The name on its own line, each run in the font that has its letters (as on certificates). */
function drawName(doc: PDFKit.PDFDocument, runs: NameRun[], width: number): void {
  const size = 18;
  const y = doc.y + 4;
  let x = M;
  for (const r of runs) {
    doc.font(r.font).fontSize(size).fillColor(INK).text(r.text, x, y, { lineBreak: false, width: Math.max(1, M + width - x) });
    x += doc.widthOfString(r.text);
  }
  doc.x = M;
  doc.y = y + size * 1.3;
}

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
    const { fonts, names } = fontsFor(d.people);
    // pdfkit 0.20 takes an already parsed fontkit font as well as a file's bytes
    for (const [name, f] of Object.entries(fonts)) doc.registerFont(name, f as Buffer);
    const width = W - 2 * M;
    for (const [k, p] of d.people.entries()) {
      doc.addPage();
      doc.font('Bold').fontSize(10).fillColor(ACCENT).text(d.providerName.toUpperCase(), { characterSpacing: 1.5 });
      doc.moveDown(0.6);
      doc.font('Title').fontSize(22).fillColor(INK).text(d.words.title);
      doc.moveDown(0.8);
      doc.font('Regular').fontSize(12).text(d.words.greeting);
      drawName(doc, names[k] ?? [{ font: 'Bold', text: p.fullName }], width);
      doc.font('Regular').fontSize(12).fillColor(INK).moveDown(0.6).text(d.words.lead, M, doc.y, { width, lineGap: 2 });
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
