import { createSecretKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { AppConfig } from '../src/config/app-config';
import { CertificateDocument } from '../src/certificates/pdf/certificate-document';
import type { CertificateFacts } from '../src/certificates/pdf/certificate-document';
import { averageMs } from './pdf';

/**
 * Small measurements that explain two costs found by profiling, each next to the cheaper
 * way of doing the same thing. They change nothing in the app: the font probe patches
 * pdfkit for its own renders only and restores it before returning.
 */

// the libraries the app uses, resolved from the packages that use them
const jsonwebtoken = createRequire(require.resolve('passport-jwt'))('jsonwebtoken') as {
  sign(payload: object, key: string, opts: object): string;
  verify(token: string, key: unknown, opts: object): unknown;
};
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Buffer): unknown };

export interface JwtProbe {
  stringSecretUs: number;
  keyObjectUs: number;
}

/**
 * Given the secret as a string (as src/auth/jwt.strategy.ts passed it to passport-jwt when
 * this was written), jsonwebtoken 9 tries createPublicKey() on it (a failing PEM parse)
 * before createSecretKey(), on every verification. A KeyObject made once skips both.
 */
export function probeJwt(secret: string): JwtProbe {
  const token = jsonwebtoken.sign({ sub: '00000000-0000-4000-8000-000000000000', role: 'trainee' }, secret, { algorithm: 'HS256', expiresIn: 3600 });
  const key = createSecretKey(Buffer.from(secret));
  const us = (k: unknown) => {
    for (let i = 0; i < 500; i++) jsonwebtoken.verify(token, k, { algorithms: ['HS256'] });
    const n = 5000;
    const t = performance.now();
    for (let i = 0; i < n; i++) jsonwebtoken.verify(token, k, { algorithms: ['HS256'] });
    return ((performance.now() - t) * 1000) / n;
  };
  return { stringSecretUs: us(secret), keyObjectUs: us(key) };
}

export interface FontProbe {
  asIsMs: number;
  sharedFontsMs: number;
  sameBytes: boolean;
}

/**
 * A renderer that registers its TTF files by path parses each font anew for every
 * certificate (about 8 ms a font, mostly its first text layout). pdfkit 0.20 also accepts a
 * fontkit font: parsed once, shared by every document. The probe times the renderer as it
 * is, then with every `.ttf` path it registers swapped for a font parsed once (when the
 * renderer already passes parsed fonts, both times are the same). It renders one
 * certificate over and over, so its byte comparison cannot catch state that a shared font
 * carries from one document to the next (fontkit's glyph cache): it measures time only.
 */
export async function probeSharedFonts(config: AppConfig, facts: CertificateFacts, renders: number): Promise<FontProbe> {
  const document = new CertificateDocument(config);
  const asIs = await averageMs(renders, () => document.render(facts));
  const original = PDFDocument.prototype.registerFont;
  const parsed = new Map<string, unknown>();
  PDFDocument.prototype.registerFont = function (this: PDFKit.PDFDocument, name: string, src?: unknown, family?: string) {
    if (typeof src === 'string' && src.endsWith('.ttf')) {
      if (!parsed.has(src)) parsed.set(src, fontkit.create(readFileSync(src)));
      src = parsed.get(src);
    }
    return original.call(this, name, src as string, family);
  } as typeof original;
  let shared: { ms: number };
  let patched: Buffer;
  try {
    shared = await averageMs(renders, () => document.render(facts));
    patched = await document.render(facts);
  } finally {
    PDFDocument.prototype.registerFont = original;
  }
  const plain = await document.render(facts);
  return { asIsMs: asIs.ms, sharedFontsMs: shared.ms, sameBytes: patched.equals(plain) };
}
