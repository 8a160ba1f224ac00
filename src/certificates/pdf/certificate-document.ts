import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config';
import type { AppConfig } from '../../config/app-config';
import type { CertificateSnapshot } from '../certificate-snapshot';
import type { CertificatePdfData } from './certificate-pdf';
import { renderSections } from './certificate-template';

export interface CertificateFacts {
  serial: string;
  verificationCode: string;
  template: string;
  snapshot: CertificateSnapshot;
  completedOn: string;
  issuedOn: string;
  expiresOn: string | null;
  issuedAt: Date;
}

/** "2026-03-02" as "March 2, 2026". */
export function longDate(iso: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/**
 * pdfkit, fontkit and the QR encoder (with their tables, several megabytes of code and
 * data) are loaded at the first certificate a process renders, not at every start.
 */
function renderPdf(d: CertificatePdfData): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./certificate-pdf') as typeof import('./certificate-pdf')).renderCertificatePdf(d);
}

/** Turns a certificate's facts into its PDF, with the wording of the program's template. */
@Injectable()
export class CertificateDocument {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  verifyUrl(code: string): string {
    return `${this.config.publicBaseUrl}/verify/${code}`;
  }

  render(f: CertificateFacts): Promise<Buffer> {
    const s = f.snapshot;
    const sections = renderSections(this.config.templatesDir, f.template, {
      holderName: s.holderName, programTitle: s.programTitle, providerName: s.providerName, kind: s.kind,
      completedOn: longDate(f.completedOn), issuedOn: longDate(f.issuedOn), expiresOn: f.expiresOn ? longDate(f.expiresOn) : null,
      serial: f.serial, totalHours: s.totalHours, versionLabel: s.programVersion.label,
    });
    return renderPdf({
      sections, providerName: s.providerName, holderName: s.holderName, serial: f.serial,
      completedOn: longDate(f.completedOn), issuedOn: longDate(f.issuedOn), expiresOn: f.expiresOn ? longDate(f.expiresOn) : null,
      verifyUrl: this.verifyUrl(f.verificationCode), modules: s.modules, hours: s.hours, issuedAt: f.issuedAt,
      title: `${s.kind}: ${s.programTitle} (${f.serial})`,
    });
  }
}
