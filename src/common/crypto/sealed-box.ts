import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for short secrets kept at rest for a while (the one-time passwords of a
 * roster import, until the admin retrieves them). Layout: 12-byte IV, 16-byte tag, ciphertext.
 * The associated data binds a box to its row, so a box copied to another row does not open.
 */
export class SealedBox {
  private readonly key: Buffer;

  /** The key is derived from a secret every instance shares (the JWT secret) and a purpose. */
  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.from('peercert'), Buffer.from(purpose), 32));
  }

  seal(plain: string, associated: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(associated, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  /** Throws if the box was altered, belongs to another row or was sealed with another key. */
  open(box: Buffer, associated: string): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, box.subarray(0, 12));
    decipher.setAAD(Buffer.from(associated, 'utf8'));
    decipher.setAuthTag(box.subarray(12, 28));
    return Buffer.concat([decipher.update(box.subarray(28)), decipher.final()]).toString('utf8');
  }
}
