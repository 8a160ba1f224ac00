/** A program as read from its folder in curricula/ (see docs/curricula.md). */
export interface HourRequirement {
  category: string;
  label: string;
  hours: number;
  /** Practicum-style: a named supervisor signs off; facility, core functions and credential are recorded. */
  supervised: boolean;
  /** A trainee's own entries count at once (e.g. study time). Otherwise they wait for approval. */
  selfReported: boolean;
}

export interface AttestationRequirement {
  kind: string;
  label: string;
}

/** What a trainee's review of a submitted attempt may show, besides the score (always shown). */
export const REVIEW_ITEMS = ['correctness', 'responses', 'rightAnswers', 'explanations'] as const;
export type ReviewItem = (typeof REVIEW_ITEMS)[number];

/**
 * Review options (Moodle's model): `whileOpen` applies while the trainee has not passed and
 * has attempts left; `whenClosed` once they have passed or used every allowed attempt.
 */
export interface ReviewSettings {
  whileOpen: ReviewItem[];
  whenClosed: ReviewItem[];
}

export interface QuizSettings {
  passMark: number; // percent
  attemptLimit: number;
  drawCount: number | null; // null: the whole pool
  timeLimitMinutes: number | null;
  /** Absent in module rows synced before review options existed: read through `reviewSettings()`. */
  review: ReviewSettings;
}

/** Where a legal or numeric claim of the content comes from (content rule 2, docs/curricula.md). */
export interface SourceEntry {
  /** The claim in our words, one sentence. */
  claim: string;
  /** Statute section, regulation, agency page or named report: specific enough to find. */
  source: string;
  url: string | null;
  /** When the claim was checked against the source (YYYY-MM-DD). */
  checked: string;
  /** When it must be checked again (a pilot, a yearly figure), or null. */
  expires: string | null;
}

export interface ProgramFile {
  code: string;
  title: string;
  versionLabel: string;
  description: string;
  prerequisites: string[];
  hourRequirements: HourRequirement[];
  attestations: AttestationRequirement[];
  quiz: QuizSettings;
  certificate: { template: string; kind: string; validityMonths: number | null };
  certification?: Record<string, unknown>;
  /** Sources of the program file's own facts (hours, eligibility, certifying body). */
  sources: SourceEntry[];
}

export interface QuestionOption {
  id: string;
  text: string;
  correct: boolean;
}

export type QuestionKind = 'single' | 'multiple' | 'true_false';

export interface QuestionFile {
  id: string;
  kind: QuestionKind;
  prompt: string;
  options: QuestionOption[];
  explanation: string;
}

export interface LessonFile {
  key: string;
  title: string;
  markdown: string;
}

export interface ModuleFile {
  number: number;
  title: string;
  summary: string;
  skills: string[];
  keyTerms: { term: string; definition: string }[];
  quiz: QuizSettings; // program defaults with the module's overrides applied
  /** Sources of every legal and numeric claim in the module; shown at its end. */
  sources: SourceEntry[];
  lessons: LessonFile[];
  questions: QuestionFile[];
}

export interface Curriculum {
  program: ProgramFile;
  modules: ModuleFile[];
  /** SHA-256 over every file's relative path and content: the version's identity. */
  contentHash: string;
}

export interface CurriculumProblem {
  file: string;
  field: string;
  message: string;
}
