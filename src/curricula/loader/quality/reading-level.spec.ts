import { countText, fleschKincaidGrade, lessonGrade } from './reading-level';

describe('reading level', () => {
  it('counts sentences, words and syllables (a number is one word of one syllable)', () => {
    // the1 cat1 sat1 it1 was1 happy2 section2 11165.7:1 applies2 to1 350:1 people2
    expect(countText('The cat sat. It was happy! Section 11165.7 applies to 350 people?')).toEqual({ sentences: 3, words: 12, syllables: 16 });
  });

  it('applies the Flesch-Kincaid grade formula', () => {
    // 0.39 * (100 / 5) + 11.8 * (150 / 100) - 15.59 = 9.91
    expect(fleschKincaidGrade({ sentences: 5, words: 100, syllables: 150 })).toBe(9.9);
    expect(fleschKincaidGrade({ sentences: 0, words: 0, syllables: 0 })).toBe(0);
  });

  it('scores short plain sentences low and long technical ones high', () => {
    expect(lessonGrade('We meet each week. You can talk. We listen to you.').grade).toBeLessThan(3);
    const dense = 'Comprehensive biopsychosocial assessments necessitate interdisciplinary collaboration, individualized documentation, and continuous reevaluation of therapeutic objectives throughout institutional rehabilitation.';
    expect(lessonGrade(dense).grade).toBeGreaterThan(20);
  });

  it('measures the prose, not the markup: a list of short items is not one long sentence', () => {
    const list = ['## Steps', '', ...Array.from({ length: 12 }, (_, i) => `- step number ${i + 1}`)].join('\n');
    expect(lessonGrade(list).counts.sentences).toBe(13);
    expect(lessonGrade(list).grade).toBeLessThan(3);
  });
});
