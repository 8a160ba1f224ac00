import { findLabels } from './person-first';

const words = (text: string) => findLabels(text).map((h) => h.word);

describe('findLabels', () => {
  it('flags the labels of rule 3 in any case, plural or possessive', () => {
    expect(words('An addict, two Alcoholics, an abuser, the inmate\'s cell, convicts, felons, Offenders, parolees, a registrant, junkies.'))
      .toEqual(['addict', 'Alcoholics', 'abuser', 'inmate', 'convicts', 'felons', 'Offenders', 'parolees', 'registrant', 'junkies']);
  });

  it('flags ex-offender and ex-con once each, and a label inside a hyphenated word', () => {
    expect(words('An ex-offender and an ex-con met an offender-focused officer.')).toEqual(['ex-offender', 'ex-con', 'offender']);
  });

  it('does not flag related words that are not labels', () => {
    expect(words('Addiction, addicted, abuse, a felony, convicted, conviction, offense, parole, registration.')).toEqual([]);
  });

  it('allows labels inside the proper names on the list', () => {
    expect(words('She goes to Alcoholics Anonymous and Adult Children of Alcoholics; he is in the Offender Mentor Certification Program.')).toEqual([]);
    expect(words('The California Sex Offender Management Board and the Sex Offender Registration Act; an offender.')).toEqual(['offender']);
  });

  it('tells an alcoholic drink from a person, and the verb convict from the noun', () => {
    expect(words('Alcoholic drinks and alcoholic liver disease; an alcoholic.')).toEqual(['alcoholic']);
    expect(words('A jury may convict. The court convicts. A convict.')).toEqual(['convict']);
  });

  it('flags clean and dirty within three words of a test word, in the same sentence only', () => {
    expect(words('He had a dirty UA. She tested clean. Clean drug screens. The sample came back clean.')).toEqual(['dirty', 'clean', 'Clean', 'clean']);
    expect(words('A clean room. Take the test. Clean syringes from a syringe service program.')).toEqual([]);
    expect(words('Stay clean and sober for a very long time before any test.')).toEqual([]);
  });

  it('marks test-result hits and says what to write instead', () => {
    const [hit] = findLabels('a dirty test');
    expect(hit).toEqual({ index: 2, word: 'dirty', hint: expect.stringMatching(/positive/), testResult: true });
    expect(findLabels('an inmate')[0]).toEqual({ index: 3, word: 'inmate', hint: 'incarcerated person' });
  });
});
