import type { ModuleStudy, ProgramStudy } from '../../learning/study.service';
import type { ModuleProgress } from '../../learning/progress';
import type { Locale } from '../i18n/locale';
import { barClass } from '../views/bar';

export const learnBase = (enrollmentId: string) => `/learn/${enrollmentId}`;

/**
 * Where a study page's links go: a trainee's own enrollment, or an administrator's preview
 * of a program version (the same pages, without the quiz and with a note that it is a preview).
 */
export interface StudyLinks {
  program: string;
  quiz: boolean;
  preview: { back: string } | null;
}
export const enrollmentLinks = (enrollmentId: string): StudyLinks => ({ program: learnBase(enrollmentId), quiz: true, preview: null });

/** What the module, lesson and print pages read from a study. */
export type ModuleStudyView = Pick<ModuleStudy, 'module' | 'completedLessonIds' | 'moduleProgress' | 'isOwner'> & {
  enrollment: Pick<ModuleStudy['enrollment'], 'id' | 'programTitle' | 'status'>;
};

/** Lesson content is English for now: pages in another language say so, and mark it lang="en". */
const contentNote = (lang: Locale) => lang !== 'en';

function quizState(p: ModuleProgress) {
  if (p.passed) return { key: 'learn.quiz.passed', vars: { score: p.bestScore ?? 0 } };
  if (p.attemptsUsed >= p.attemptsAllowed) return { key: 'learn.quiz.noAttempts', vars: {} };
  if (p.attemptsUsed) return { key: 'learn.quiz.notPassed', vars: { best: p.bestScore ?? 0, used: p.attemptsUsed, allowed: p.attemptsAllowed } };
  return { key: 'learn.quiz.notTaken', vars: { allowed: p.attemptsAllowed } };
}

export function toProgramView(s: ProgramStudy, lang: Locale) {
  const base = learnBase(s.enrollment.id);
  return {
    titleText: s.enrollment.programTitle,
    programTitle: s.enrollment.programTitle,
    cohortName: s.enrollment.cohort.name,
    contentNote: contentNote(lang),
    progress: { done: s.progress.modulesCompleted, total: s.progress.modulesTotal, pct: s.progress.overallPercent, bar: barClass(s.progress.overallPercent) },
    checklistHref: `${base}/checklist`,
    hoursHref: `${base}/hours`,
    modules: s.progress.modules.map((m) => ({
      number: m.number,
      title: m.title,
      href: `${base}/modules/${m.number}`,
      completed: m.completed,
      lessonsDone: m.lessonsDone,
      lessonsTotal: m.lessonsTotal,
      quiz: quizState(m),
    })),
  };
}

export function toModuleView(s: ModuleStudyView, lang: Locale, links = enrollmentLinks(s.enrollment.id)) {
  const base = `${links.program}/modules/${s.module.number}`;
  const done = new Set(s.completedLessonIds);
  return {
    titleText: `${s.module.number}. ${s.module.title}`,
    programTitle: s.enrollment.programTitle,
    programHref: links.program,
    preview: links.preview,
    number: s.module.number,
    moduleTitle: s.module.title,
    summary: s.module.summary,
    skills: s.module.skills,
    keyTerms: s.module.keyTerms,
    contentNote: contentNote(lang),
    printHref: `${base}/print`,
    lessons: s.module.lessons.map((l) => ({ title: l.title, href: `${base}/lessons/${l.key}`, done: done.has(l.id) })),
    lessonsDone: s.moduleProgress.lessonsDone,
    lessonsTotal: s.moduleProgress.lessonsTotal,
    quiz: { ...quizState(s.moduleProgress), href: links.quiz ? `${base}/quiz` : null, questions: s.module.quiz.questionsPerAttempt, passMark: s.module.quiz.passMark },
    sources: (s.module as { sources?: unknown[] }).sources ?? [],
  };
}

export function toLessonView(s: Omit<ModuleStudyView, 'moduleProgress'>, key: string, lang: Locale, links = enrollmentLinks(s.enrollment.id)) {
  const i = s.module.lessons.findIndex((l) => l.key === key);
  if (i < 0) return null;
  const base = `${links.program}/modules/${s.module.number}`;
  const lesson = s.module.lessons[i];
  const prev = s.module.lessons[i - 1];
  const next = s.module.lessons[i + 1];
  const active = s.enrollment.status === 'active';
  return {
    titleText: lesson.title,
    programTitle: s.enrollment.programTitle,
    programHref: links.program,
    preview: links.preview,
    moduleHref: base,
    moduleNumber: s.module.number,
    moduleTitle: s.module.title,
    lessonTitle: lesson.title,
    position: i + 1,
    count: s.module.lessons.length,
    html: lesson.html,
    contentNote: contentNote(lang),
    done: s.completedLessonIds.includes(lesson.id),
    canMarkDone: s.isOwner && active,
    doneAction: `${base}/lessons/${lesson.key}/done`,
    prev: prev && { title: prev.title, href: `${base}/lessons/${prev.key}` },
    next: next ? { title: next.title, href: `${base}/lessons/${next.key}` } : null,
    quizHref: links.quiz ? `${base}/quiz` : null,
    keyTerms: i === 0 ? s.module.keyTerms : [],
  };
}

export function toPrintView(s: ModuleStudyView, lang: Locale) {
  return {
    layout: 'print',
    titleText: `${s.module.number}. ${s.module.title}`,
    programTitle: s.enrollment.programTitle,
    number: s.module.number,
    moduleTitle: s.module.title,
    summary: s.module.summary,
    keyTerms: s.module.keyTerms,
    contentNote: contentNote(lang),
    lessons: s.module.lessons.map((l) => ({ title: l.title, html: l.html })),
    sources: (s.module as { sources?: unknown[] }).sources ?? [],
  };
}
