/** The marker a lesson line carries when it quotes a label as a word to avoid (see docs/curricula.md). */
export const MARKDOWN_ALLOW_MARKER = '<!-- allow-label -->';

/** Removes the allow-marker so it never reaches the page (markdown-it runs with html: false and would print it). */
export function stripAllowMarkers(markdown: string): string {
  return markdown.replace(/[ \t]*<!--\s*allow-label\s*-->[ \t]*$/gm, '');
}

/** A trailing period unless the text already ends a sentence, so a heading or list item counts as one sentence. */
function endSentence(line: string): string {
  return /[.!?]["'”’)]*$/.test(line) ? line : `${line}.`;
}

function inline(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images: alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links: their text
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/\b(e\.g|i\.e|etc|vs)\./gi, '$1') // abbreviations are not sentence ends
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Lesson Markdown as the plain prose a reader meets: headings, list markers, quote marks,
 * links, emphasis and code marks removed. Each heading, list item and table row is its own
 * sentence (it stands alone on the page), and each paragraph ends one.
 */
export function markdownToPlainText(markdown: string): string {
  const units: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const text = inline(paragraph.join(' '));
    if (text) units.push(endSentence(text));
    paragraph = [];
  };
  for (const raw of markdown.split(/\r?\n/)) {
    const line = raw.replace(/^\s*(>\s*)+/, '').trim();
    if (line === '' || /^(-{3,}|\*{3,}|_{3,})$/.test(line) || /^\|?[\s:|-]+\|[\s:|-]*$/.test(line) || /^```/.test(line)) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading || line.startsWith('|')) {
      flush();
      paragraph.push(heading ? heading[1] : line.replace(/\|/g, ' '));
      flush();
      continue;
    }
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush(); // a list item starts its own sentence; lines indented under it continue it
      paragraph.push(item[1]);
      continue;
    }
    paragraph.push(line);
  }
  flush();
  return units.join(' ');
}
