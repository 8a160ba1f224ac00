import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { Calendar } from '../common/calendar';
import { AppError } from '../common/errors/app-error';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { EligibilityService } from '../eligibility/eligibility.service';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import { UserEntity } from '../users/entities/user.entity';
import { buildSnapshot, expiryFor, formatSerial } from './certificate-snapshot';
import { CertificatesRepository } from './certificates.repository';
import { BatchResult, CertificateResponse, mapCertificate } from './dto/certificate.response';
import { CertificateEntity } from './entities/certificate.entity';
import { CertificateDocument } from './pdf/certificate-document';
import { describeUnprintable, nameRuns } from './pdf/name-fonts';

/** Certificates issued at once by a batch: enough to overlap database waits with rendering. */
const BATCH_CONCURRENCY = 4;

type BatchOutcome =
  | { kind: 'issued'; value: BatchResult['issued'][number] }
  | { kind: 'refused'; value: BatchResult['refused'][number] }
  | { kind: 'already'; value: BatchResult['alreadyCertified'][number] };

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** 192 random bits, URL-safe: unguessable, and short enough for a QR code. */
const newCode = () => randomBytes(24).toString('base64url');

@Injectable()
export class CertificateIssuingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly eligibility: EligibilityService,
    private readonly certificates: CertificatesRepository,
    private readonly document: CertificateDocument,
    private readonly audit: AuditService,
    private readonly calendar: Calendar,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private today() {
    return this.calendar.today();
  }

  private respond(c: CertificateEntity): CertificateResponse {
    return mapCertificate(c, this.config.publicBaseUrl, this.today());
  }

  async issue(actor: AuthUser, enrollmentId: string): Promise<CertificateResponse> {
    const e = await this.access.enrollment(actor, enrollmentId, 'teach');
    return this.respond(await this.issueFor(actor, e.id));
  }

  /**
   * One transaction: lock the enrollment, refuse if a current certificate exists or the
   * eligibility statement is not met, snapshot, render, store, mark the enrollment
   * completed, audit. The partial unique index is the last word if anything slips by.
   */
  private issueFor(actor: AuthUser, enrollmentId: string): Promise<CertificateEntity> {
    return this.db.transaction(async (m) => {
      const e = await m.findOneOrFail(EnrollmentEntity, { where: { id: enrollmentId }, lock: { mode: 'pessimistic_write' } });
      const existing = await this.certificates.activeFor(m, e.id);
      if (existing) {
        throw new AppError('ALREADY_CERTIFIED', `This enrollment already has a current certificate (${existing.serial}). Reissue or revoke it instead.`, { certificateId: existing.id });
      }
      if (e.status === 'withdrawn') throw new AppError('ENROLLMENT_NOT_ACTIVE', 'This enrollment was withdrawn.');
      const a = await this.eligibility.assess(e, m);
      if (!a.eligibility.eligible) {
        const unmet = a.eligibility.requirements.filter((r) => !r.met);
        throw new AppError('NOT_ELIGIBLE', `Not eligible yet: ${unmet.length} requirement(s) unmet.`, { unmet });
      }
      const user = await m.findOneByOrFail(UserEntity, { id: e.userId });
      const issuedOn = this.today();
      const snapshot = buildSnapshot({
        holderName: user.fullName, program: a.program, version: a.version, modules: a.modules, hours: a.hours,
        providerName: this.config.trainingProviderName, issuedByName: actor.fullName,
      });
      const cert = await this.store(m, actor, {
        enrollmentId: e.id, userId: e.userId, programCode: e.programCode, programVersionId: e.programVersionId,
        holderName: user.fullName, programTitle: a.program.title, snapshot,
        completedOn: (await this.certificates.completionDate(m, e.id, this.config.timezone)) ?? issuedOn,
        issuedOn, expiresOn: expiryFor(issuedOn, a.program.certificate.validityMonths), template: a.program.certificate.template,
      });
      if (e.status === 'active') {
        await m.update(EnrollmentEntity, { id: e.id }, { status: 'completed', statusChangedAt: new Date() });
        await this.audit.record(m, { actorId: actor.id, action: 'enrollment.status', entityType: 'enrollment', entityId: e.id, before: { status: 'active' }, after: { status: 'completed', certificateId: cert.id } });
      }
      await this.audit.record(m, { actorId: actor.id, action: 'certificate.issue', entityType: 'certificate', entityId: cert.id, after: this.auditView(cert) });
      return cert;
    });
  }

  private async store(m: EntityManager, actor: AuthUser, f: Pick<CertificateEntity,
    'enrollmentId' | 'userId' | 'programCode' | 'programVersionId' | 'holderName' | 'programTitle' | 'snapshot' | 'completedOn' | 'issuedOn' | 'expiresOn' | 'template'> & { replacesId?: string }): Promise<CertificateEntity> {
    // before a serial is taken: a refused name leaves no gap in the serials
    const printable = nameRuns(f.holderName);
    if ('unprintable' in printable) {
      throw new AppError('NAME_NOT_PRINTABLE', `${describeUnprintable(printable.unprintable)} Correct the full name (PATCH /users/:id), or reissue with the name as on photo ID.`,
        { field: 'fullName', characters: printable.unprintable });
    }
    const issuedAt = new Date();
    const serial = formatSerial(Number(f.issuedOn.slice(0, 4)), await this.certificates.nextSerialNumber(m));
    const verificationCode = newCode();
    const pdf = await this.document.render({ serial, verificationCode, template: f.template, snapshot: f.snapshot, completedOn: f.completedOn, issuedOn: f.issuedOn, expiresOn: f.expiresOn, issuedAt });
    return m.save(m.create(CertificateEntity, {
      ...f, serial, verificationCode, status: 'active', issuedAt, issuedBy: actor.id, pdf, pdfSha256: sha256(pdf), replacesId: f.replacesId ?? null,
    }));
  }

  /**
   * Every eligible enrollment of a cohort, each in its own transaction, a few at a time so
   * one certificate's database work overlaps another's rendering. Results keep roster order.
   * `progress` hears how many are done (a batch the administrator follows on a page).
   */
  async batch(actor: AuthUser, cohortId: string, progress?: (done: number, total: number) => Promise<void>): Promise<BatchResult> {
    await this.access.cohort(actor, cohortId);
    const candidates = await this.certificates.candidates(cohortId);
    const outcomes: (BatchOutcome | undefined)[] = new Array(candidates.length);
    let next = 0;
    let done = 0;
    await progress?.(0, candidates.length);
    const worker = async () => {
      for (let i = next++; i < candidates.length; i = next++) {
        outcomes[i] = await this.tryIssue(actor, candidates[i].id);
        await progress?.(++done, candidates.length);
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, candidates.length) }, worker));
    const out: BatchResult = { issued: [], refused: [], alreadyCertified: [] };
    for (const o of outcomes) {
      if (o!.kind === 'issued') out.issued.push(o!.value);
      else if (o!.kind === 'refused') out.refused.push(o!.value);
      else out.alreadyCertified.push(o!.value);
    }
    return out;
  }

  private async tryIssue(actor: AuthUser, id: string): Promise<BatchOutcome> {
    try {
      const c = await this.issueFor(actor, id);
      return { kind: 'issued', value: { enrollmentId: id, certificateId: c.id, serial: c.serial, holderName: c.holderName } };
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_ELIGIBLE') {
        const unmet = (err.details?.unmet ?? []) as { id: string; label: string; detail: string }[];
        return { kind: 'refused', value: { enrollmentId: id, unmet: unmet.map(({ id: rid, label, detail }) => ({ id: rid, label, detail })) } };
      }
      if (err instanceof AppError && err.code === 'NAME_NOT_PRINTABLE') {
        return { kind: 'refused', value: { enrollmentId: id, unmet: [{ id: 'name', label: 'A name the certificate can print', detail: err.message }] } };
      }
      if (err instanceof AppError && err.code === 'ALREADY_CERTIFIED') {
        return { kind: 'already', value: { enrollmentId: id, certificateId: String(err.details?.certificateId) } };
      }
      throw err;
    }
  }

  async revoke(actor: AuthUser, id: string, reason: string): Promise<CertificateResponse> {
    return this.respond(await this.db.transaction(async (m) => {
      const c = await this.lockActive(m, id);
      const before = this.auditView(c);
      Object.assign(c, { status: 'revoked', revokedAt: new Date(), revokedBy: actor.id, revokeReason: reason });
      const saved = await m.save(c);
      await this.audit.record(m, { actorId: actor.id, action: 'certificate.revoke', entityType: 'certificate', entityId: c.id, before, after: { ...this.auditView(saved), reason } });
      return saved;
    }));
  }

  /** A new certificate for the same enrollment (e.g. a corrected name); the old one is superseded and linked. */
  async reissue(actor: AuthUser, id: string, fullName?: string): Promise<CertificateResponse> {
    return this.respond(await this.db.transaction(async (m) => {
      const old = await this.lockActive(m, id);
      const user = await m.findOneByOrFail(UserEntity, { id: old.userId });
      const holderName = fullName ?? user.fullName;
      await m.update(CertificateEntity, { id: old.id }, { status: 'superseded', supersededAt: new Date() });
      const next = await this.store(m, actor, {
        enrollmentId: old.enrollmentId, userId: old.userId, programCode: old.programCode, programVersionId: old.programVersionId,
        holderName, programTitle: old.programTitle, snapshot: { ...old.snapshot, holderName, issuedByName: actor.fullName },
        completedOn: old.completedOn, issuedOn: this.today(), expiresOn: old.expiresOn, template: old.template, replacesId: old.id,
      });
      await this.audit.recordMany(m, [
        { actorId: actor.id, action: 'certificate.supersede', entityType: 'certificate', entityId: old.id, before: this.auditView(old), after: { status: 'superseded', replacedBy: next.id } },
        { actorId: actor.id, action: 'certificate.reissue', entityType: 'certificate', entityId: next.id, after: this.auditView(next) },
      ]);
      return next;
    }));
  }

  private async lockActive(m: EntityManager, id: string): Promise<CertificateEntity> {
    const c = await m.findOne(CertificateEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!c) throw new AppError('CERTIFICATE_NOT_FOUND', 'No certificate has that id.');
    if (c.status !== 'active') throw new AppError('CERTIFICATE_NOT_ACTIVE', `This certificate is ${c.status}; only the current certificate can be revoked or reissued.`);
    return c;
  }

  private auditView(c: CertificateEntity) {
    return {
      serial: c.serial, status: c.status, enrollmentId: c.enrollmentId, holderName: c.holderName, programCode: c.programCode,
      issuedOn: c.issuedOn, completedOn: c.completedOn, expiresOn: c.expiresOn, pdfSha256: c.pdfSha256, replacesId: c.replacesId,
    };
  }
}
