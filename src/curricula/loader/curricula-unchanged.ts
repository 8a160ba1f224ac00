import type { DataSource } from 'typeorm';
import type { ProgramSources } from './curriculum-sources';

/** A program version that is current now, as the start compares it with the files. */
export interface CurrentContent {
  contentHash: string;
  /** The certificate template its program file names, if any. */
  template: string | null;
}

/**
 * True when every program folder holds exactly the content of a version that is current
 * now, one folder per current version: syncing would change nothing (a version is named by
 * its content hash), so the start need not parse a single file. Content changes, a new
 * folder or a removed one, and a stray file in a modules folder (which the parser refuses)
 * all answer false, and the start reads and syncs as before.
 */
export function curriculaUnchanged(folders: Pick<ProgramSources, 'contentHash' | 'strays'>[], current: CurrentContent[]): boolean {
  const hashes = new Set(current.map((c) => c.contentHash));
  const seen = new Set(folders.map((f) => f.contentHash));
  return folders.length > 0 && seen.size === folders.length && folders.length === hashes.size
    && folders.every((f) => hashes.has(f.contentHash) && f.strays.length === 0);
}

/** The current version of every program: its content hash and certificate template. */
export function currentContent(ds: DataSource): Promise<CurrentContent[]> {
  return ds.query(
    `SELECT v.content_hash AS "contentHash", v.definition->'certificate'->>'template' AS template
       FROM programs p JOIN program_versions v ON v.id = p.current_version_id`,
  );
}
