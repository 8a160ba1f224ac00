import { markdownToPlainText, stripAllowMarkers } from './markdown-text';

describe('markdownToPlainText', () => {
  it('removes headings, list markers, links, emphasis and code marks', () => {
    const md = '### Why it matters\n\nRead **this** and _that_ at [the CalMHSA site](https://www.calmhsa.org/).\n\n- first point\n- `second` point\n1. numbered one';
    expect(markdownToPlainText(md)).toBe('Why it matters. Read this and that at the CalMHSA site. first point. second point. numbered one.');
  });

  it('keeps a wrapped paragraph or list item together and leaves sentence ends alone', () => {
    expect(markdownToPlainText('One line\nwraps here. Then stops!\n\n- an item\n  that wraps')).toBe('One line wraps here. Then stops! an item that wraps.');
  });

  it('drops quote marks, rules, table rulers and HTML comments; abbreviations do not end sentences', () => {
    expect(markdownToPlainText('> A quote <!-- note -->\n\n---\n\n| a | b |\n| --- | --- |\n| c | d |\n\nUse e.g. this.')).toBe('A quote. a b. c d. Use e.g this.');
  });
});

describe('stripAllowMarkers', () => {
  it('removes the marker at the end of a line only', () => {
    expect(stripAllowMarkers('Avoid "addict". <!-- allow-label -->\nNext line\nMid <!-- allow-label --> text')).toBe('Avoid "addict".\nNext line\nMid <!-- allow-label --> text');
  });
});
