import { scanModuleMarkdown, scanYaml } from './label-scan';

const MODULE = `---
number: 1
title: Words
summary: How we talk about an addict.
keyTerms:
  - term: Label
    definition: A word like "junkie" that names a person by a condition.  # allow-label
---

## Words that hurt

Avoid words like "inmate" and "felon." <!-- allow-label -->
Say "incarcerated person" instead of inmate.

## Practice scenario: Sam

Sam had a dirty
test last week.
`;

describe('scanModuleMarkdown', () => {
  it('names the line, the field or lesson, and the label; marked lines are exempt', () => {
    const found = scanModuleMarkdown(MODULE, 'm.md').map((p) => `${p.field}: ${/"([^"]+)"/.exec(p.message)![1]}`);
    expect(found).toEqual([
      'summary, line 4: addict',
      'line 13 (lesson "Words that hurt"): inmate',
      'line 17 (lesson "Practice scenario: Sam"): dirty',
    ]);
  });

  it('tells a writer who puts the Markdown marker in front matter that it would show', () => {
    const bad = MODULE.replace('  # allow-label', ' <!-- allow-label -->');
    const fields = scanModuleMarkdown(bad, 'm.md').map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['keyTerms[0].definition, line 7', 'line 7']));
  });
});

describe('scanYaml', () => {
  const QUIZ = [
    'questions:',
    '  - id: q01',
    '    prompt: What do we call a person on parole?',
    '    options:',
    '      - { id: a, text: "A parolee", correct: false }  # allow-label',
    '      - { id: b, text: "An inmate", correct: false }',
    '    explanation: >',
    '      We never say offender.',
    'sources:',
    '  - { claim: x, source: "Sex offenders registry page" }',
  ].join('\n');

  it('scans text values with the question id and line, skipping marked lines, keys and source titles', () => {
    const found = scanYaml(QUIZ, 'q.yaml').map((p) => p.field);
    expect(found).toEqual(['questions[0] (q01).options[1].text, line 6', 'questions[0] (q01).explanation, line 7']);
  });

  it('leaves invalid YAML to the parser', () => {
    expect(scanYaml('a: [inmate', 'q.yaml')).toEqual([]);
  });
});
