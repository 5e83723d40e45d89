// The digest form's boxes: each term once, in any spelling, and what a subscription already
// holds never dropped by saving the form.
import type { VocabularyId } from '../src/graphql/generated';
import { identitiesOf, labelOf, termGroups, textsChosen } from '../src/pages/digest/terms';

const vocabulary = (id: VocabularyId, label: string, terms: string[]) => ({
  id,
  label,
  terms: terms.map((term) => ({ id: term.toLowerCase().replace(/\W+/g, '_'), label: term })),
});

describe('the digest form’s terms', () => {
  const offered = [
    vocabulary('topics', 'Topics', ['Public trust and confidence']),
    vocabulary('crime_problems', 'Crime problems', ['Burglary', 'Knife crime']),
  ];

  it('offers each term once and keeps, last, what the subscription holds that no term offered is', () => {
    const groups = termGroups('crimeProblems', offered.slice(1), ['break-ins', 'Cuckooing abroad']);
    expect(groups.map((group) => [group.id, group.choices.map((choice) => choice.label)])).toEqual([
      ['crime_problems', ['Burglary', 'Knife crime']],
      // A synonym of Burglary is that term; a text no vocabulary knows stays as written.
      ['other', ['Cuckooing abroad']],
    ]);
  });

  it('ticks a saved text in any spelling, shows it by its term’s label, and sends every ticked box', () => {
    const saved = ['break-ins', 'Cuckooing abroad'];
    const groups = termGroups('crimeProblems', offered.slice(1), saved);
    const ticked = identitiesOf('crimeProblems', saved);
    expect(textsChosen(groups, ticked)).toEqual(['Burglary', 'Cuckooing abroad']);
    expect(labelOf(groups, 'crimeProblems', 'BURGLARY')).toBe('Burglary');
    expect(labelOf(groups, 'crimeProblems', 'something else')).toBe('something else');
  });
});
