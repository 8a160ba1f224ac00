import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';

export interface TemplateData {
  holderName: string;
  programTitle: string;
  providerName: string;
  kind: string;
  completedOn: string;
  issuedOn: string;
  expiresOn: string | null;
  serial: string;
  totalHours: number | string;
  versionLabel: string;
}

export type Sections = Record<string, string>;

const cache = new Map<string, Handlebars.TemplateDelegate>();

function compiled(dir: string, name: string): Handlebars.TemplateDelegate {
  const file = join(certificateTemplatesDir(dir), `${name}.hbs`);
  let t = cache.get(file);
  if (!t) {
    // The output feeds a PDF, not HTML: no HTML escaping ("C&D" stays "C&D").
    t = Handlebars.compile(readFileSync(file, 'utf8'), { noEscape: true, strict: true });
    cache.set(file, t);
  }
  return t;
}

/** Certificate wording lives in templates/certificates/<program template>.hbs. */
export const certificateTemplatesDir = (templatesDir: string) => join(templatesDir, 'certificates');

/** Renders a certificate template and splits it into its "=== name" sections. */
export function renderSections(dir: string, name: string, data: TemplateData): Sections {
  const text = compiled(dir, name)(data);
  const sections: Sections = {};
  let current: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const m = /^=== ([a-zA-Z]+)\s*$/.exec(line);
    if (m) {
      current = m[1];
      sections[current] = '';
    } else if (current) {
      sections[current] += (sections[current] ? '\n' : '') + line;
    }
  }
  for (const k of Object.keys(sections)) sections[k] = sections[k].trim();
  return sections;
}
