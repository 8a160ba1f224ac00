import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in lessons is not rendered (html: false), and the output is sanitized as well,
// so a lesson file can never inject script into a trainee's page.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

export function lessonHtml(markdown: string): string {
  return sanitizeHtml(md.render(markdown), {
    allowedTags: ['p', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'em', 'blockquote', 'code', 'pre', 'a', 'br', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https', 'mailto'],
  });
}
