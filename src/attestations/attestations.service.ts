import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/errors/app-error';
import { CurriculaRepository } from '../curricula/curricula.repository';
import type { ProgramFile } from '../curricula/loader/curriculum.types';
import { EnrollmentEntity } from '../enrollments/entities/enrollment.entity';
import { requireActive } from '../enrollments/enrollment-open';
import { AttestationResponse, mapAttestation } from './dto/attestation.response';
import { RecordAttestationDto } from './dto/record-attestation.dto';
import { AttestationEntity } from './entities/attestation.entity';

@Injectable()
export class AttestationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly curricula: CurriculaRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: AuthUser, enrollmentId: string): Promise<AttestationResponse[]> {
    const e = await this.access.enrollment(actor, enrollmentId, 'view');
    const program = await this.program(e);
    const rows = await this.db.getRepository(AttestationEntity).find({ where: { enrollmentId: e.id }, order: { recordedAt: 'ASC' } });
    return rows.map((a) => mapAttestation(a, this.label(program, a.kind)));
  }

  async record(actor: AuthUser, enrollmentId: string, dto: RecordAttestationDto): Promise<AttestationResponse> {
    const e = await this.access.enrollment(actor, enrollmentId, 'teach');
    requireActive(e);
    const program = await this.program(e);
    const known = program.attestations.map((a) => a.kind);
    if (!known.includes(dto.kind)) {
      throw new AppError('UNKNOWN_ATTESTATION', `"${dto.kind}" is not an attestation of ${program.title}. Use one of: ${known.join(', ')}.`, { field: 'kind', allowed: known });
    }
    return this.db.transaction(async (m) => {
      if (await m.exists(AttestationEntity, { where: { enrollmentId: e.id, kind: dto.kind, withdrawnAt: IsNull() } })) {
        throw new AppError('ALREADY_ATTESTED', `"${dto.kind}" is already recorded for this enrollment.`, { field: 'kind' });
      }
      const a = await m.save(m.create(AttestationEntity, { enrollmentId: e.id, kind: dto.kind, note: dto.note ?? null, documentRef: dto.documentRef ?? null, recordedBy: actor.id }));
      const out = mapAttestation(a, this.label(program, a.kind));
      await this.audit.record(m, { actorId: actor.id, action: 'attestation.record', entityType: 'enrollment', entityId: e.id, after: out });
      return out;
    });
  }

  async withdraw(actor: AuthUser, enrollmentId: string, kind: string, reason: string): Promise<AttestationResponse> {
    const e = await this.access.enrollment(actor, enrollmentId, 'teach');
    requireActive(e);
    const program = await this.program(e);
    return this.db.transaction(async (m) => {
      const a = await m.findOne(AttestationEntity, { where: { enrollmentId: e.id, kind, withdrawnAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw new AppError('ATTESTATION_NOT_FOUND', `No current "${kind}" attestation is recorded for this enrollment.`);
      const before = mapAttestation(a, this.label(program, kind));
      Object.assign(a, { withdrawnAt: new Date(), withdrawnBy: actor.id, withdrawReason: reason });
      const saved = await m.save(a);
      const after = mapAttestation(saved, this.label(program, kind));
      await this.audit.record(m, { actorId: actor.id, action: 'attestation.withdraw', entityType: 'enrollment', entityId: e.id, before, after });
      return after;
    });
  }

  private async program(e: EnrollmentEntity): Promise<ProgramFile> {
    return (await this.curricula.versionById(e.programVersionId))!.definition;
  }

  private label(program: ProgramFile, kind: string): string {
    return program.attestations.find((a) => a.kind === kind)?.label ?? kind;
  }
}
