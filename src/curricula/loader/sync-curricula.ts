import { DataSource, EntityManager } from 'typeorm';
import { AuditEventEntity } from '../../audit/entities/audit-event.entity';
import { LessonEntity } from '../entities/lesson.entity';
import { ModuleEntity } from '../entities/module.entity';
import { ProgramVersionEntity } from '../entities/program-version.entity';
import { ProgramEntity } from '../entities/program.entity';
import { QuestionEntity } from '../entities/question.entity';
import { Curriculum } from './curriculum.types';
import { lessonHtml } from './lesson-html';

const SYNC_LOCK = 803_2021;

export interface SyncOutcome {
  code: string;
  versionId: string;
  seq: number;
  created: boolean;
}

async function insertVersion(m: EntityManager, c: Curriculum): Promise<ProgramVersionEntity> {
  const { max } = await m.createQueryBuilder(ProgramVersionEntity, 'v')
    .select('coalesce(max(v.seq), 0)', 'max').where('v.programCode = :code', { code: c.program.code }).getRawOne();
  const version = await m.save(m.create(ProgramVersionEntity, {
    programCode: c.program.code, seq: Number(max) + 1, contentHash: c.contentHash,
    versionLabel: c.program.versionLabel, title: c.program.title, definition: c.program,
  }));
  for (const mod of c.modules) {
    const saved = await m.save(m.create(ModuleEntity, {
      programVersionId: version.id, number: mod.number, title: mod.title, summary: mod.summary,
      skills: mod.skills, keyTerms: mod.keyTerms, quizSettings: mod.quiz, sources: mod.sources,
    }));
    await m.insert(LessonEntity, mod.lessons.map((l, i) => ({
      moduleId: saved.id, position: i + 1, key: l.key, title: l.title, markdown: l.markdown, html: lessonHtml(l.markdown),
    })));
    await m.insert(QuestionEntity, mod.questions.map((q, i) => ({
      moduleId: saved.id, position: i + 1, key: q.id, kind: q.kind, prompt: q.prompt, options: q.options, explanation: q.explanation,
    })));
  }
  return version;
}

/**
 * Loads curricula into the database. A version is identified by its content hash:
 * unchanged files change nothing, changed files add a new version that becomes current,
 * and older versions stay as they were (enrollments keep pointing at them).
 * Runs in one transaction under an advisory lock, so instances starting together agree.
 */
export async function syncCurricula(ds: DataSource, curricula: Curriculum[]): Promise<SyncOutcome[]> {
  return ds.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock($1)', [SYNC_LOCK]);
    const outcomes: SyncOutcome[] = [];
    for (const c of curricula) {
      await m.createQueryBuilder().insert().into(ProgramEntity).values({ code: c.program.code }).orIgnore().execute();
      let version = await m.findOne(ProgramVersionEntity, { where: { programCode: c.program.code, contentHash: c.contentHash } });
      const created = !version;
      if (!version) version = await insertVersion(m, c);
      const program = await m.findOneByOrFail(ProgramEntity, { code: c.program.code });
      if (program.currentVersionId !== version.id) {
        await m.update(ProgramEntity, { code: c.program.code }, { currentVersionId: version.id });
        await m.insert(AuditEventEntity, {
          actorId: null, action: created ? 'program.version-created' : 'program.version-restored', entityType: 'program',
          entityId: c.program.code,
          before: { currentVersionId: program.currentVersionId },
          after: { currentVersionId: version.id, seq: version.seq, contentHash: c.contentHash, versionLabel: c.program.versionLabel },
        });
      }
      outcomes.push({ code: c.program.code, versionId: version.id, seq: version.seq, created });
    }
    return outcomes;
  });
}

