import type { SourceEntry } from '../loader/curriculum.types';

/** Where a claim of the content comes from; pages list these at the end of a module. */
export class SourceResponse {
  /** The claim in the program's words. */
  claim: string;
  /** Statute section, regulation, agency page or named report. */
  source: string;
  url: string | null;
  /** When the claim was checked against the source (YYYY-MM-DD). */
  checked: string;
  /** When it must be checked again (YYYY-MM-DD), or null. */
  expires: string | null;
}

/** Versions loaded before sources existed have none. */
export function mapSources(sources: SourceEntry[] | undefined): SourceResponse[] {
  return (sources ?? []).map((s) => ({ claim: s.claim, source: s.source, url: s.url, checked: s.checked, expires: s.expires }));
}
