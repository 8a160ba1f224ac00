import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** modules/NN-slug.md */
export const MODULE_FILE = /^(\d{2,3})-[a-z0-9-]+\.md$/;

/**
 * A program folder's files, each read once: the bytes of program.yaml, the module files and
 * the quiz pools, and the hash that names that content (a program version is identified by
 * it). A start compares the hash with the loaded versions before parsing anything.
 */
export interface ProgramSources {
  dir: string;
  /** Full path -> bytes; only program.yaml, NN-slug.md and *.quiz.yaml files. */
  files: Map<string, Buffer>;
  /** Every other entry of modules/ (each is a problem when the folder is parsed). */
  strays: string[];
  contentHash: string;
}

/** Reads a program folder's files once and hashes them (names relative to the folder, sorted). */
export function readProgramSources(dir: string): ProgramSources {
  const files = new Map<string, Buffer>();
  const strays: string[] = [];
  const programPath = join(dir, 'program.yaml');
  if (existsSync(programPath)) files.set(programPath, readFileSync(programPath));
  const modulesDir = join(dir, 'modules');
  for (const entry of existsSync(modulesDir) ? readdirSync(modulesDir).sort() : []) {
    const full = join(modulesDir, entry);
    if (entry.endsWith('.quiz.yaml') || MODULE_FILE.test(entry)) files.set(full, readFileSync(full));
    else strays.push(full);
  }
  const h = createHash('sha256');
  for (const f of [...files.keys()].sort()) {
    h.update(relative(dir, f).split('\\').join('/'));
    h.update('\0');
    h.update(files.get(f)!);
    h.update('\0');
  }
  return { dir, files, strays, contentHash: h.digest('hex') };
}

/** Every program folder under root, read once (see readProgramSources). */
export function readCurriculumSources(root: string): ProgramSources[] {
  return readdirSync(root).filter((f) => statSync(join(root, f)).isDirectory()).sort().map((f) => readProgramSources(join(root, f)));
}
