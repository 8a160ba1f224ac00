import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { SealedBox } from '../../../common/crypto/sealed-box';
import { APP_CONFIG } from '../../../config/app-config';
import type { AppConfig } from '../../../config/app-config';

/** How long new one-time passwords stay retrievable for the handouts: as long as a job import keeps them. */
export const HANDOVER_MINUTES = 30;

export interface HandoverEntry {
  userId: string;
  fullName: string;
  email: string;
  password: string;
}

/** What the session keeps: the passwords sealed (AES-GCM), never in the clear, for a short while. */
export interface HandoverRecord {
  id: string;
  createdAt: number;
  /** The passwords were shown on a page: they are not shown again (the handouts can still be printed). */
  shown: boolean;
  /** Where the admin came from (a user, a cohort). */
  back: string;
  /** Catalog key and values for what these accounts are ("new accounts of cohort X"). */
  about: { key: string; vars?: Record<string, string | number> };
  sealed: string;
}

declare module 'express-session' {
  interface SessionData {
    /** New one-time passwords waiting to be shown and printed (one set at a time). */
    handover?: HandoverRecord;
  }
}

/**
 * One-time passwords between the moment they are made (a new account, a reset, a roster
 * import) and the moment the administrator has shown them and printed the handouts. They
 * live sealed in the admin's own server-side session: gone when the admin ends the
 * handover, starts another, signs out, or after HANDOVER_MINUTES.
 */
@Injectable()
export class PasswordHandover {
  private readonly box: SealedBox;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.box = new SealedBox(config.jwtSecret, 'web one-time password handover');
  }

  start(req: Request, entries: HandoverEntry[], about: HandoverRecord['about'], back: string): void {
    const id = randomUUID();
    const sealed = this.box.seal(JSON.stringify(entries), id).toString('base64');
    req.session.handover = { id, createdAt: Date.now(), shown: false, back, about, sealed };
  }

  /** The current handover and its passwords, or null when there is none or its time is over. */
  current(req: Request, now = Date.now()): { record: HandoverRecord; entries: HandoverEntry[] } | null {
    const record = req.session?.handover;
    if (!record) return null;
    if (now - record.createdAt > HANDOVER_MINUTES * 60_000) {
      delete req.session.handover;
      return null;
    }
    try {
      return { record, entries: JSON.parse(this.box.open(Buffer.from(record.sealed, 'base64'), record.id)) as HandoverEntry[] };
    } catch {
      delete req.session.handover; // sealed with another secret (PEERCERT_JWT_SECRET changed)
      return null;
    }
  }

  markShown(req: Request): void {
    if (req.session.handover) req.session.handover.shown = true;
  }

  end(req: Request): void {
    delete req.session.handover;
  }
}
