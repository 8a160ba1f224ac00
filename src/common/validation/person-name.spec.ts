import { personNameProblem } from './person-name';

describe('person names', () => {
  it('accepts names in any script, with marks, hyphens, apostrophes and periods', () => {
    for (const name of [
      'María José Álvarez', 'Nguyễn Thị Minh Khai', "Siobhán O'Neil-Murphy", 'O’Brien', 'Martin Luther King Jr.', 'J. R. Ewing',
      '김민준', '王秀英', '陳大文', 'Ηλέκτρα Παπαδοπούλου', 'Анна Іваненко', 'Արամ Խաչատրյան', 'محمد علي', 'יעל כהן', 'अनिल कुमार',
      'Nguye\u0302\u0303n', // combining marks
    ]) expect([name, personNameProblem(name)]).toEqual([name, null]);
  });

  it('refuses line breaks, controls, invisible and bidirectional characters, naming them', () => {
    expect(personNameProblem('Ana\nPérez')).toBe('may hold only letters, marks, spaces, hyphens, apostrophes and periods: character 4 is U+000A, a line break');
    expect(personNameProblem('Ana\u202Ezerép')).toContain('U+202E, a bidirectional control');
    expect(personNameProblem('Ana\u200Bx')).toContain('U+200B, an invisible formatting character');
    expect(personNameProblem('Ana\u0000')).toContain('U+0000, a control character');
    expect(personNameProblem('Ana\u00A0Pérez')).toContain('a space other than the ordinary one');
  });

  it('refuses digits, symbols and other punctuation, and a leading non-letter', () => {
    expect(personNameProblem('Agent 007')).toContain('"0" (U+0030), a digit');
    expect(personNameProblem('Ana <b>')).toContain('"<" (U+003C), a symbol');
    expect(personNameProblem('Ana, Pérez')).toContain('punctuation other than');
    expect(personNameProblem('-Ana')).toBe('must start with a letter (it starts with "-")');
    expect(personNameProblem('\u0301Ana')).toBe('must start with a letter (it starts with U+0301)');
    expect(personNameProblem('Ana  Pérez')).toBe('must not have two spaces in a row');
  });

  it('limits the length in characters, not bytes', () => {
    expect(personNameProblem('王'.repeat(150))).toBeNull();
    expect(personNameProblem('a'.repeat(151))).toBe('must be at most 150 characters (it has 151)');
    expect(personNameProblem('Ana', 2)).toBe('must be at most 2 characters (it has 3)');
    expect(personNameProblem('')).toBe('must not be empty');
  });
});
