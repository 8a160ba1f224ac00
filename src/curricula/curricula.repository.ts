import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LessonEntity } from './entities/lesson.entity';
import { ModuleEntity } from './entities/module.entity';
import { ProgramVersionEntity } from './entities/program-version.entity';
import { QuestionEntity } from './entities/question.entity';

/** A module as progress counts need it: what is fixed for a program version. */
export interface ModuleOutline {
  moduleId: string;
  number: number;
  title: string;
  attemptLimit: number;
  lessonIds: string[];
}

export interface ModuleStats {
  moduleId: string;
  lessonCount: number;
  questionCount: number;
}

@Injectable()
export class CurriculaRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  currentVersions(): Promise<ProgramVersionEntity[]> {
    return this.db.getRepository(ProgramVersionEntity).createQueryBuilder('v')
      .innerJoin('programs', 'p', 'p.current_version_id = v.id')
      .orderBy('v.programCode').getMany();
  }

  /** The current version, or a given sequence number when asked for an older one. */
  version(code: string, seq?: number): Promise<ProgramVersionEntity | null> {
    const qb = this.db.getRepository(ProgramVersionEntity).createQueryBuilder('v').where('v.programCode = :code', { code });
    if (seq !== undefined) qb.andWhere('v.seq = :seq', { seq });
    else qb.innerJoin('programs', 'p', 'p.current_version_id = v.id');
    return qb.getOne();
  }

  /**
   * A program version by id. Versions never change once written (a change of content is
   * a new version), so each is read from the database once per process and then served
   * from memory; several instances cannot disagree about it.
   */
  async versionById(id: string): Promise<ProgramVersionEntity | null> {
    const cached = this.versionCache.get(id);
    if (cached) return cached;
    const v = await this.db.getRepository(ProgramVersionEntity).findOne({ where: { id } });
    if (v) this.versionCache.set(id, v);
    return v;
  }

  private readonly versionCache = new Map<string, ProgramVersionEntity>();

  /**
   * The modules of a version in order, with their lesson ids: fixed once the version is
   * written, so read once per process (a few kilobytes per version). Progress counts then
   * need only the enrollment's own rows, not a join over lessons and modules per request.
   */
  async outline(versionId: string, m?: EntityManager): Promise<ModuleOutline[]> {
    const cached = this.outlineCache.get(versionId);
    if (cached) return cached;
    const rows: ModuleOutline[] = await (m ?? this.db.manager).query(
      `SELECT m.id AS "moduleId", m.number, m.title, (m.quiz_settings->>'attemptLimit')::int AS "attemptLimit",
              coalesce((SELECT array_agg(l.id ORDER BY l.position) FROM lessons l WHERE l.module_id = m.id), '{}') AS "lessonIds"
         FROM modules m WHERE m.program_version_id = $1 ORDER BY m.number`,
      [versionId],
    );
    if (rows.length) this.outlineCache.set(versionId, rows);
    return rows;
  }

  private readonly outlineCache = new Map<string, ModuleOutline[]>();

  versions(code: string): Promise<ProgramVersionEntity[]> {
    return this.db.getRepository(ProgramVersionEntity).find({ where: { programCode: code }, order: { seq: 'ASC' } });
  }

  modules(versionId: string): Promise<ModuleEntity[]> {
    return this.db.getRepository(ModuleEntity).find({ where: { programVersionId: versionId }, order: { number: 'ASC' } });
  }

  moduleCounts(versionIds: string[]): Promise<{ versionId: string; modules: number }[]> {
    if (versionIds.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT program_version_id AS "versionId", count(*)::int AS modules FROM modules WHERE program_version_id = ANY($1) GROUP BY 1`,
      [versionIds],
    );
  }

  moduleStats(versionId: string): Promise<ModuleStats[]> {
    return this.db.query(
      `SELECT m.id AS "moduleId",
              (SELECT count(*)::int FROM lessons l WHERE l.module_id = m.id) AS "lessonCount",
              (SELECT count(*)::int FROM questions q WHERE q.module_id = m.id) AS "questionCount"
         FROM modules m WHERE m.program_version_id = $1`,
      [versionId],
    );
  }

  module(versionId: string, number: number): Promise<ModuleEntity | null> {
    return this.db.getRepository(ModuleEntity).findOne({ where: { programVersionId: versionId, number } });
  }

  /** A module by id, for every quiz submit (cached: a version's modules never change once stored). */
  async moduleById(id: string): Promise<ModuleEntity> {
    const cached = this.moduleCache.get(id);
    if (cached) return cached;
    const mod = await this.db.getRepository(ModuleEntity).findOneByOrFail({ id });
    this.moduleCache.set(id, mod);
    return mod;
  }

  private readonly moduleCache = new Map<string, ModuleEntity>();

  /**
   * A module's question pool with its answer key, in order (cached: fixed with the version;
   * a few kilobytes a module). Only the server reads it: it grades, and maps questions to
   * responses through attempt-mapping, which never shows the key before submission.
   */
  async questionPool(moduleId: string): Promise<QuestionEntity[]> {
    const cached = this.poolCache.get(moduleId);
    if (cached) return cached;
    const pool = await this.db.getRepository(QuestionEntity).find({ where: { moduleId }, order: { position: 'ASC' } });
    if (pool.length) this.poolCache.set(moduleId, pool);
    return pool;
  }

  private readonly poolCache = new Map<string, QuestionEntity[]>();

  lessons(moduleId: string): Promise<LessonEntity[]> {
    return this.db.getRepository(LessonEntity).find({ where: { moduleId }, order: { position: 'ASC' } });
  }
}
