import type { ModuleDetailResponse, ProgramDetailResponse } from '../../../curricula/dto/module.response';
import type { ProgramSummaryResponse, ProgramVersionRef } from '../../../curricula/dto/program.response';
import type { ModuleStudyView, StudyLinks } from '../../learn/learn.view';

export const programHref = (code: string) => `/admin/programs/${code}`;
export const versionHref = (code: string, seq: number) => `${programHref(code)}/versions/${seq}`;

export function toProgramsView(programs: ProgramSummaryResponse[]) {
  return {
    title: 'admin.programs.title',
    programs: programs.map((p) => ({
      code: p.code, title: p.title, version: p.version.label, modules: p.moduleCount, href: programHref(p.code),
      hours: p.hourRequirements.reduce((n, h) => n + h.minutes, 0),
    })),
  };
}

/** A program version: what it asks of a trainee, and its modules to preview. */
export function toProgramVersionView(p: ProgramDetailResponse, versions: ProgramVersionRef[]) {
  const current = versions[versions.length - 1]?.seq;
  return {
    titleText: p.title,
    programTitle: p.title,
    code: p.code,
    description: p.description,
    version: { label: p.version.label, seq: p.version.seq, createdAt: p.version.createdAt, hash: p.version.contentHash.slice(0, 12), current: p.version.seq === current },
    versions: versions.map((v) => ({ seq: v.seq, label: v.label, createdAt: v.createdAt, href: versionHref(p.code, v.seq), here: v.seq === p.version.seq, current: v.seq === current })).reverse(),
    hours: p.hourRequirements.map((h) => ({ label: h.label, minutes: h.minutes, supervised: h.supervised, selfReported: h.selfReported })),
    prerequisites: p.prerequisites,
    attestations: p.attestations.map((a) => a.label),
    certificate: p.certificate,
    modules: p.modules.map((m) => ({
      number: m.number, title: m.title, lessons: m.lessonCount, questions: m.quiz.questionsPerAttempt, passMark: m.quiz.passMark, attempts: m.quiz.attemptLimit,
      href: `${versionHref(p.code, p.version.seq)}/modules/${m.number}`,
    })),
    listHref: '/admin/programs',
  };
}

/**
 * A module of a program version as a trainee who has just started sees it: no lesson done,
 * no quiz taken. The trainee templates and view functions render it.
 */
export function previewStudy(programTitle: string, mod: ModuleDetailResponse): ModuleStudyView {
  return {
    enrollment: { id: 'preview', programTitle, status: 'active' },
    isOwner: false,
    module: mod,
    completedLessonIds: [],
    moduleProgress: {
      number: mod.number, title: mod.title, lessonsDone: 0, lessonsTotal: mod.lessons.length,
      attemptsUsed: 0, attemptsAllowed: mod.quiz.attemptLimit, bestScore: null, passed: false, completed: false,
    },
  };
}

export const previewLinks = (code: string, seq: number): StudyLinks => ({ program: versionHref(code, seq), quiz: false, preview: { back: versionHref(code, seq) } });
