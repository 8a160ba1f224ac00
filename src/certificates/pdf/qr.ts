import QRCode from 'qrcode';

/** The dark modules of a QR code for text, as a square matrix (row-major booleans). */
export function qrMatrix(text: string): { size: number; dark: (row: number, col: number) => boolean } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, dark: (r, c) => data[r * size + c] === 1 };
}
