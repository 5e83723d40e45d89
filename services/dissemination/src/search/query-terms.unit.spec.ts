import { queryTermsOf } from './query-terms';

describe("the words of a 'What Works' query", () => {
  it.each(['randomised controlled trial', 'Randomized Controlled Trials', 'RCT', 'rcts'])(
    '"%s" asks for the randomised controlled trial and leaves no words',
    (query) => {
      expect(queryTermsOf(query)).toEqual({
        identities: ['research_methods:randomised_controlled_trial'],
        text: '',
        advanced: false,
      });
    },
  );

  it('takes the terms a query names and leaves its other words to full-text search', () => {
    expect(queryTermsOf('hot-spot policing of burglaries in Lambeth')).toEqual({
      identities: ['interventions:hot_spots_policing', 'crime_problems:burglary'],
      text: 'of in lambeth',
      advanced: false,
    });
  });

  it('matches a whole query no vocabulary lists by its key, and keeps its words', () => {
    expect(queryTermsOf('Naloxone')).toEqual({
      identities: ['text:naloxone'],
      text: 'Naloxone',
      advanced: false,
    });
  });

  it('takes websearch syntax as typed, and nothing as nothing', () => {
    expect(queryTermsOf('"restorative justice" -robbery')).toEqual({
      identities: [],
      text: '"restorative justice" -robbery',
      advanced: true,
    });
    expect(queryTermsOf('   ')).toEqual({ identities: [], text: '', advanced: false });
  });
});
