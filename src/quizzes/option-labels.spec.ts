import { labelled, optionLabel, toLabels, toPoolIds } from './option-labels';

const shown = [
  { questionId: 'q1', optionIds: ['c', 'a', 'd', 'b'] },
  { questionId: 'q2', optionIds: ['true', 'false'] },
];

describe('option labels', () => {
  it('names options by the position they were shown in', () => {
    expect([0, 1, 2, 5].map(optionLabel)).toEqual(['a', 'b', 'c', 'f']);
    expect(labelled(shown)).toEqual([{ questionId: 'q1', optionIds: ['a', 'b', 'c', 'd'] }, { questionId: 'q2', optionIds: ['a', 'b'] }]);
  });

  it('maps labels to the pool ids shown under them, and back', () => {
    expect(toPoolIds(shown, [{ questionId: 'q1', optionIds: ['a', 'd'] }, { questionId: 'q2', optionIds: ['b'] }]))
      .toEqual([{ questionId: 'q1', optionIds: ['c', 'b'] }, { questionId: 'q2', optionIds: ['false'] }]);
    expect(toLabels(shown[0], ['b', 'c'])).toEqual(['a', 'd']);
    expect(toLabels(shown[1], [])).toEqual([]);
  });
});
