import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CertificateEntity } from './entities/certificate.entity';
import { ListCertificatesQueryDto } from './dto/list-certificates-query.dto';

@Injectable()
export class CertificatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async nextSerialNumber(m: EntityManager): Promise<number> {
    const [row] = await m.query(`SELECT nextval('certificate_serial_seq')::int AS n`);
    return row.n;
  }

  /** The day the last requirement was met: latest passed quiz, lesson done or approved hours. */
  async completionDate(m: EntityManager, enrollmentId: string, timezone: string): Promise<string | null> {
    const [row] = await m.query(
      `SELECT to_char(greatest(
          (SELECT max(submitted_at AT TIME ZONE $2)::date FROM quiz_attempts WHERE enrollment_id = $1 AND passed),
          (SELECT max(completed_at AT TIME ZONE $2)::date FROM lesson_completions WHERE enrollment_id = $1),
          (SELECT max(entry_date) FROM hour_entries WHERE enrollment_id = $1 AND status = 'approved' AND kind <> 'reversal')
        ), 'YYYY-MM-DD') AS d`,
      [enrollmentId, timezone],
    );
    return row.d;
  }

  activeFor(m: EntityManager, enrollmentId: string): Promise<CertificateEntity | null> {
    return m.findOne(CertificateEntity, { where: { enrollmentId, status: 'active' } });
  }

  pdf(id: string): Promise<{ serial: string; pdf: Buffer } | undefined> {
    return this.db.getRepository(CertificateEntity).createQueryBuilder('c')
      .select(['c.serial', 'c.pdf']).where('c.id = :id', { id }).getOne()
      .then((c) => (c ? { serial: c.serial, pdf: c.pdf } : undefined));
  }

  byCode(code: string): Promise<(CertificateEntity & { replacedBySerial: string | null }) | undefined> {
    return this.db.getRepository(CertificateEntity).createQueryBuilder('c')
      .leftJoin(CertificateEntity, 'n', 'n.replaces_id = c.id')
      .addSelect('n.serial', 'replaced_by_serial')
      .where('c.verificationCode = :code', { code })
      .getRawAndEntities()
      .then(({ entities, raw }) => (entities[0] ? Object.assign(entities[0], { replacedBySerial: raw[0].replaced_by_serial ?? null }) : undefined));
  }

  list(q: ListCertificatesQueryDto & { userId?: string; today: string }): Promise<CertificateEntity[]> {
    return this.filtered(q).limit(q.limit ?? 1000).getMany();
  }

  /** One page of the register, newest first; `text` matches the holder's name or the serial. */
  page(q: ListCertificatesQueryDto & { text?: string; today: string }, offset: number, limit: number): Promise<[CertificateEntity[], number]> {
    const qb = this.filtered(q).offset(offset).limit(limit);
    if (q.text) {
      const like = `%${q.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere('(c.holderName ILIKE :like OR c.serial ILIKE :like)', { like });
    }
    return qb.getManyAndCount();
  }

  private filtered(q: ListCertificatesQueryDto & { userId?: string; today: string }) {
    const qb = this.db.getRepository(CertificateEntity).createQueryBuilder('c').orderBy('c.issuedAt', 'DESC').addOrderBy('c.id');
    if (q.userId) qb.andWhere('c.userId = :uid', { uid: q.userId });
    if (q.programCode) qb.andWhere('c.programCode = :code', { code: q.programCode });
    if (q.status === 'revoked' || q.status === 'superseded') qb.andWhere('c.status = :s', { s: q.status });
    if (q.status === 'valid') qb.andWhere(`c.status = 'active' AND (c.expiresOn IS NULL OR c.expiresOn >= :today)`, { today: q.today });
    if (q.status === 'expired') qb.andWhere(`c.status = 'active' AND c.expiresOn < :today`, { today: q.today });
    if (q.enrollmentId) qb.andWhere('c.enrollmentId = :eid', { eid: q.enrollmentId });
    return qb;
  }

  /** Enrollments of a cohort that a batch run should try: active or completed, none with a current certificate. */
  candidates(cohortId: string): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT e.id FROM enrollments e JOIN users u ON u.id = e.user_id
        WHERE e.cohort_id = $1 AND e.status IN ('active', 'completed')
          AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.enrollment_id = e.id AND c.status = 'active')
        ORDER BY u.full_name, e.id`,
      [cohortId],
    );
  }
}
