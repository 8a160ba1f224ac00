import { LessonEntity } from '../entities/lesson.entity';
import { DEFAULT_REVIEW } from '../loader/quiz-defaults';
import type { ReviewItem } from '../loader/curriculum.types';
import { ModuleEntity } from '../entities/module.entity';
import { ProgramSummaryResponse } from './program.response';
import { SourceResponse } from './source.response';

export class ModuleSummaryResponse {
  id: string;
  number: number;
  title: string;
  summary: string;
  skills: string[];
  lessonCount: number;
  quiz: QuizInfo;
}

export class QuizInfo {
  passMark: number;
  attemptLimit: number;
  /** How many questions an attempt shows. */
  questionsPerAttempt: number;
  timeLimitMinutes: number | null;
  /** What a trainee's review shows besides the score: while attempts remain, and once passed or out of attempts. */
  review: { whileOpen: ReviewItem[]; whenClosed: ReviewItem[] };
}

export class LessonResponse {
  id: string;
  key: string;
  position: number;
  title: string;
  markdown: string;
  html: string;
}

export class ModuleDetailResponse extends ModuleSummaryResponse {
  programCode: string;
  programVersion: number;
  keyTerms: { term: string; definition: string }[];
  lessons: LessonResponse[];
  /** Sources of the module's legal and numeric claims, for the end of the module. */
  sources: SourceResponse[];
}

export class ProgramDetailResponse extends ProgramSummaryResponse {
  modules: ModuleSummaryResponse[];
  /** Sources of the program's own facts (hours, eligibility, certifying body). */
  sources: SourceResponse[];
}

export function mapQuizInfo(m: ModuleEntity, poolSize: number): QuizInfo {
  const q = m.quizSettings;
  return {
    passMark: q.passMark,
    attemptLimit: q.attemptLimit,
    questionsPerAttempt: Math.min(q.drawCount ?? poolSize, poolSize),
    timeLimitMinutes: q.timeLimitMinutes,
    // module rows synced before review options existed have none
    review: q.review ?? DEFAULT_REVIEW,
  };
}

export function mapModuleSummary(m: ModuleEntity, lessonCount: number, poolSize: number): ModuleSummaryResponse {
  return { id: m.id, number: m.number, title: m.title, summary: m.summary, skills: m.skills, lessonCount, quiz: mapQuizInfo(m, poolSize) };
}

export function mapLesson(l: LessonEntity): LessonResponse {
  return { id: l.id, key: l.key, position: l.position, title: l.title, markdown: l.markdown, html: l.html };
}
