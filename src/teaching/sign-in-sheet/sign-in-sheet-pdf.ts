import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { create as parseFont } from 'fontkit';
import PDFDocument from 'pdfkit';
import { ACCENT, INK } from '../../certificates/pdf/certificate-pdf';

/** Everything a printed sign-in sheet shows, already in the reader's language. */
export interface SignInSheetPdfData {
  /** BCP 47 tag of the words, for the PDF's language entry. */
  lang: string;
  providerName: string;
  title: string;
  lead: string;
  /** The session's facts, printed two to a row: cohort, site, date, topic, time... An empty value is a line to fill in. */
  facts: { label: string; value: string }[];
  columns: { number: string; name: string; signature: string; timeIn: string; timeOut: string };
  /** Legal names, one line each, in roster order. */
  trainees: string[];
  /** What the instructor's signature confirms. */
  confirmation: string;
  instructorSignature: string;
  instructorName: string;
  dateLabel: string;
  /** Printed at the foot of every page, with the page number. */
  footer: string;
  pageText: (page: number, pages: number) => string;
  /** The document's dates (its metadata), so the same sheet renders to the same bytes. */
  createdAt: Date;
}

// The certificates' typefaces (DejaVu: José, Nguyễn...), embedded as subsets. Parsed once;
// the glyph cache is emptied per document, as the certificate renderer explains (a glyph
// cached from "Á" would otherwise map "A" to nothing, and names would not be searchable).
const FONT_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = { Regular: 'DejaVuSans.ttf', Bold: 'DejaVuSans-Bold.ttf', Title: 'DejaVuSerif-Bold.ttf' } as const;
type FontkitFont = { _glyphs: Record<number, unknown> };
let fonts: Record<string, FontkitFont> | undefined;
function freshFonts(): Record<string, FontkitFont> {
  fonts ??= Object.fromEntries(Object.entries(FONT_FILES).map(([k, f]) => [k, parseFont(readFileSync(join(FONT_DIR, f))) as FontkitFont]));
  for (const f of Object.values(fonts)) f._glyphs = {};
  return fonts;
}

const MUTED = '#4a4a4a';
const RULE = '#9aa3ad';
const W = 612; // US Letter, portrait, in points
const H = 792;
const X = 48;
const WIDTH = W - 2 * X;
const ROW = 30;
const FOOT = H - 40;
/** Column widths: number, legal name, signature, time in, time out (WIDTH in all). */
const COLS = [24, 196, 160, 68, 68];

/**
 * A one-session sign-in sheet for a class that meets without internet: the session's facts,
 * a line per trainee (legal name printed, signature, time in and out), and the instructor's
 * signature. Real, searchable text; pages follow each other with the table's header repeated.
 */
export function renderSignInSheetPdf(d: SignInSheetPdfData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'LETTER', layout: 'portrait', margin: 0, compress: true, bufferPages: true, lang: d.lang,
      info: { Title: `${d.title}: ${d.footer}`, Author: d.providerName, CreationDate: d.createdAt, ModDate: d.createdAt },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    for (const [name, font] of Object.entries(freshFonts())) doc.registerFont(name, font as unknown as Buffer);

    let y = heading(doc, d);
    y = tableHeader(doc, d, y);
    d.trainees.forEach((name, i) => {
      if (y + ROW > FOOT - 8) {
        doc.addPage({ size: 'LETTER', layout: 'portrait', margin: 0 });
        y = tableHeader(doc, d, continuation(doc, d));
      }
      traineeLine(doc, i + 1, name, y);
      y += ROW;
    });
    if (y + 120 > FOOT) {
      doc.addPage({ size: 'LETTER', layout: 'portrait', margin: 0 });
      y = continuation(doc, d);
    }
    instructorBlock(doc, d, y + 24);

    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.lineWidth(0.5).strokeColor(RULE).moveTo(X, FOOT).lineTo(W - X, FOOT).stroke();
      doc.font('Regular').fontSize(7.5).fillColor(MUTED);
      doc.text(d.footer, X, FOOT + 6, { width: WIDTH * 0.7, lineBreak: false });
      doc.text(d.pageText(i + 1, range.count), X, FOOT + 6, { width: WIDTH, align: 'right', lineBreak: false });
    }
    doc.end();
  });
}

/** The first page's top: provider, title, what the sheet is for, the session's facts. Returns where the table starts. */
function heading(doc: PDFKit.PDFDocument, d: SignInSheetPdfData): number {
  doc.lineWidth(3).strokeColor(ACCENT).moveTo(X, 36).lineTo(W - X, 36).stroke();
  doc.font('Bold').fontSize(9).fillColor(ACCENT).text(d.providerName.toUpperCase(), X, 48, { width: WIDTH });
  doc.font('Title').fontSize(22).fillColor(INK).text(d.title, X, 64, { width: WIDTH });
  doc.font('Regular').fontSize(9.5).fillColor(INK).text(d.lead, X, 96, { width: WIDTH, lineGap: 1 });
  let y = doc.y + 12;
  doc.lineWidth(0.8).strokeColor(ACCENT).moveTo(X, y).lineTo(W - X, y).stroke();
  y += 10;
  const colW = WIDTH / 2 - 8;
  for (let i = 0; i < d.facts.length; i += 2) {
    let rowH = 0;
    for (const [j, f] of d.facts.slice(i, i + 2).entries()) {
      const x = X + j * (colW + 16);
      doc.font('Bold').fontSize(7.5).fillColor(ACCENT).text(f.label.toUpperCase(), x, y, { width: colW });
      if (f.value) doc.font('Regular').fontSize(10.5).fillColor(INK).text(f.value, x, y + 11, { width: colW });
      // left blank: a line to write on
      else doc.lineWidth(0.5).strokeColor(RULE).moveTo(x, y + 26).lineTo(x + colW - 24, y + 26).stroke();
      rowH = Math.max(rowH, f.value ? doc.y - y : 26);
    }
    y += rowH + 10;
  }
  return y + 6;
}

/** A later page's top line, so a loose page still says which session it belongs to. */
function continuation(doc: PDFKit.PDFDocument, d: SignInSheetPdfData): number {
  doc.lineWidth(3).strokeColor(ACCENT).moveTo(X, 36).lineTo(W - X, 36).stroke();
  doc.font('Bold').fontSize(9).fillColor(INK).text(`${d.title} · ${d.footer}`, X, 48, { width: WIDTH });
  return 72;
}

function tableHeader(doc: PDFKit.PDFDocument, d: SignInSheetPdfData, y: number): number {
  const labels = [d.columns.number, d.columns.name, d.columns.signature, d.columns.timeIn, d.columns.timeOut];
  let x = X;
  doc.font('Bold').fontSize(8.5).fillColor(INK);
  labels.forEach((label, i) => {
    doc.text(label, x + 3, y, { width: COLS[i] - 6, lineBreak: false });
    x += COLS[i];
  });
  y += 14;
  doc.lineWidth(1).strokeColor(INK).moveTo(X, y).lineTo(W - X, y).stroke();
  return y;
}

/** One trainee's line: number, legal name (smaller when long), and empty boxes to write in. */
function traineeLine(doc: PDFKit.PDFDocument, n: number, name: string, y: number): void {
  doc.font('Regular').fontSize(8.5).fillColor(MUTED).text(String(n), X + 3, y + 11, { width: COLS[0] - 6, lineBreak: false });
  const w = COLS[1] - 8;
  let size = 10.5;
  doc.font('Regular');
  while (size > 7 && doc.fontSize(size).widthOfString(name) > w) size -= 0.5;
  doc.fillColor(INK).text(name, X + COLS[0] + 3, y + (doc.widthOfString(name) > w ? 4 : 10), { width: w, height: ROW - 4, ellipsis: true, lineGap: -1 });
  doc.lineWidth(0.4).strokeColor(RULE);
  let x = X;
  for (const c of COLS.slice(0, -1)) {
    x += c;
    doc.moveTo(x, y + 4).lineTo(x, y + ROW - 4).stroke();
  }
  doc.moveTo(X, y + ROW).lineTo(W - X, y + ROW).stroke();
}

function instructorBlock(doc: PDFKit.PDFDocument, d: SignInSheetPdfData, y: number): void {
  doc.font('Regular').fontSize(9).fillColor(INK).text(d.confirmation, X, y, { width: WIDTH, lineGap: 1 });
  const line = doc.y + 40;
  doc.lineWidth(0.8).strokeColor(INK).moveTo(X, line).lineTo(X + 300, line).stroke();
  doc.moveTo(X + 340, line).lineTo(W - X, line).stroke();
  doc.font('Bold').fontSize(8.5).text(d.instructorSignature, X, line + 4, { width: 300 });
  doc.font('Regular').fontSize(8.5).text(d.instructorName, X, line + 17, { width: 300 });
  doc.font('Bold').fontSize(8.5).text(d.dateLabel, X + 340, line + 4, { width: WIDTH - 340 });
}
