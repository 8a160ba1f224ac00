import PDFDocument from 'pdfkit';
import { describeUnprintable, font, FontkitFont, NameFont, NameRun, nameRuns, Unprintable } from './name-fonts';
import { layoutName } from './name-layout';
import type { Sections } from './certificate-template';
import { qrMatrix } from './qr';

/** Everything the PDF shows; built from a certificate row by mapPdfData(). */
export interface CertificatePdfData {
  sections: Sections;
  providerName: string;
  holderName: string;
  serial: string;
  completedOn: string;
  issuedOn: string;
  expiresOn: string | null;
  verifyUrl: string;
  modules: { number: number; title: string }[];
  hours: { label: string; hours: number }[];
  /** Fixes the PDF's dates, so rendering the same certificate twice gives the same bytes. */
  issuedAt: Date;
  title: string;
}

/**
 * Fonts parsed once per process and shared by every document (name-fonts.ts): pdfkit would
 * otherwise parse each font file (and build its layout tables) for every certificate, about
 * three quarters of a render's time (measured by npm run bench). Each document still
 * embeds its own subset.
 *
 * fontkit caches glyph objects on the font, each remembering the characters it was first
 * laid out from; pdfkit takes a document's text map (ToUnicode) from them. Shared across
 * documents, a glyph first met as part of "Á" would later map "A" to nothing, and the
 * holder's name would not be searchable. So the glyph cache of every font a document uses is
 * emptied for it (rendering is synchronous, so documents never interleave); the parsed
 * tables are kept.
 */
function freshFonts(names: (NameFont | 'Regular')[]): Record<string, FontkitFont> {
  return Object.fromEntries(names.map((n) => {
    const f = font(n);
    f._glyphs = {};
    return [n, f];
  }));
}

/** The holder's name has a character no font here prints (see name-fonts.ts); the issuer checks first. */
export class UnprintableNameError extends Error {
  constructor(readonly characters: Unprintable[]) {
    super(describeUnprintable(characters));
  }
}

export const INK = '#1d2b3a';
export const ACCENT = '#7a5c1e';
const W = 792; // US Letter, landscape, in points
const H = 612;

function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = qrMatrix(text);
  const cell = size / (qr.size + 8); // 4-module quiet zone on each side
  doc.save().rect(x, y, size, size).fill('#ffffff');
  doc.fillColor('#000000');
  for (let r = 0; r < qr.size; r++) {
    for (let c = 0; c < qr.size; c++) {
      if (qr.dark(r, c)) doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

function drawList(doc: PDFKit.PDFDocument, d: CertificatePdfData, top: number): void {
  const kind = d.sections.list ?? 'modules';
  doc.font('Bold').fontSize(9.5).fillColor(ACCENT).text((d.sections.listHeading ?? '').toUpperCase(), 72, top, { width: W - 144, align: 'center', characterSpacing: 1 });
  const y0 = top + 16;
  doc.font('Regular').fontSize(8).fillColor(INK);
  if (kind === 'hours') {
    const colW = 220;
    const x0 = (W - colW) / 2;
    d.hours.forEach((h, i) => {
      const y = y0 + i * 13;
      doc.text(h.label, x0, y, { width: colW - 60 });
      doc.text(`${h.hours} h`, x0 + colW - 60, y, { width: 60, align: 'right' });
    });
    if (d.modules.length) {
      doc.text(`Coursework: ${d.modules.map((m) => m.title).join(' · ')}`, 96, y0 + d.hours.length * 13 + 6, { width: W - 192, align: 'center' });
    }
    return;
  }
  // two columns; a long title wraps within its column and pushes the next one down
  const perCol = Math.ceil(d.modules.length / 2);
  const colW = 290;
  [d.modules.slice(0, perCol), d.modules.slice(perCol)].forEach((items, col) => {
    let y = y0;
    for (const m of items) {
      const text = `${m.number}. ${m.title}`;
      doc.text(text, 96 + col * (colW + 20), y, { width: colW });
      y += doc.heightOfString(text, { width: colW }) + 1.5;
    }
  });
}

/** The name on one line, or two, as large as fits between the margins, each run in its font. */
function drawName(doc: PDFKit.PDFDocument, runs: NameRun[]): void {
  const measure = (line: NameRun[], size: number) => line.reduce((w, r) => w + doc.font(r.font).fontSize(size).widthOfString(r.text), 0);
  const { size, lines } = layoutName(runs, measure, W - 144);
  const lastBaseline = 187; // just above the rule under the name
  lines.forEach((line, i) => {
    let x = 72 + (W - 144 - measure(line, size)) / 2;
    const y = lastBaseline - (lines.length - 1 - i) * size * 1.15;
    for (const r of line) {
      doc.font(r.font).fontSize(size).fillColor(INK).text(r.text, x, y, { lineBreak: false, baseline: 'alphabetic' });
      x += doc.widthOfString(r.text);
    }
  });
}

/** Renders a one-page, landscape certificate with real, searchable text and embedded fonts. */
export function renderCertificatePdf(d: CertificatePdfData): Promise<Buffer> {
  const name = nameRuns(d.holderName);
  if ('unprintable' in name) return Promise.reject(new UnprintableNameError(name.unprintable));
  const nameFonts = [...new Set(name.runs.map((r) => r.font))];
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'LETTER', layout: 'landscape', margin: 0, compress: true,
      info: { Title: d.title, Author: d.sections.signatureLabel ?? '', Subject: d.serial, CreationDate: d.issuedAt, ModDate: d.issuedAt },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    // pdfkit 0.20 takes an already parsed fontkit font as well as a path
    const used: (NameFont | 'Regular')[] = ['Regular', 'Bold', 'Title', ...nameFonts.filter((f) => f !== 'Bold' && f !== 'Title')];
    for (const [key, f] of Object.entries(freshFonts(used))) doc.registerFont(key, f as unknown as Buffer);

    // frame
    doc.lineWidth(3).strokeColor(ACCENT).rect(22, 22, W - 44, H - 44).stroke();
    doc.lineWidth(0.8).rect(30, 30, W - 60, H - 60).stroke();

    const center = (text: string, y: number, font: string, size: number, color = INK, opts: PDFKit.Mixins.TextOptions = {}) =>
      doc.font(font).fontSize(size).fillColor(color).text(text, 72, y, { width: W - 144, align: 'center', ...opts });

    center(d.providerName.toUpperCase(), 50, 'Bold', 10, ACCENT, { characterSpacing: 2 });
    center(d.sections.heading ?? 'Certificate of Completion', 72, 'Title', 30);
    center(d.sections.kind ?? '', 112, 'Regular', 11, ACCENT);
    center(d.sections.intro ?? '', 142, 'Regular', 12);
    drawName(doc, name.runs);
    doc.lineWidth(0.6).strokeColor(ACCENT).moveTo(216, 198).lineTo(W - 216, 198).stroke();
    center(d.sections.statement ?? '', 208, 'Regular', 11.5, INK, { lineGap: 2 });
    drawList(doc, d, 268);

    // signature and dates, bottom left
    const baseY = 470;
    doc.lineWidth(0.8).strokeColor(INK).moveTo(72, baseY).lineTo(330, baseY).stroke();
    doc.font('Regular').fontSize(8.5).fillColor(INK).text(d.sections.signatureLabel ?? 'Authorized signature', 72, baseY + 4, { width: 320 });
    doc.font('Bold').fontSize(8.5)
      .text(`Completed: ${d.completedOn}    Issued: ${d.issuedOn}${d.expiresOn ? `    Expires: ${d.expiresOn}` : ''}`, 72, baseY + 26, { width: 320 })
      .text(`Serial: ${d.serial}`, 72, baseY + 40, { width: 320 });

    // QR and link, bottom right
    const qrSize = 84;
    drawQr(doc, d.verifyUrl, W - 72 - qrSize, baseY - 70, qrSize);
    doc.font('Regular').fontSize(6.5).fillColor(INK).text(`Verify at ${d.verifyUrl}`, W - 72 - 330, baseY + 20, { width: 330, align: 'right', lineBreak: false });

    center(d.sections.disclaimer ?? '', H - 84, 'Regular', 7.5, '#4a4a4a', { lineGap: 1 });
    doc.end();
  });
}
