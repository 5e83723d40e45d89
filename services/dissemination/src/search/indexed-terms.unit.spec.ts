import { evidenceSummary } from '../library/library.fixtures';
import {
  facetIdentity,
  facetLabel,
  facetTermId,
  facetTerms,
  indexedTermsOf,
} from './indexed-terms';

describe("an item's terms, as 'What Works' search keeps them", () => {
  it('gives every spelling and synonym of a tag one identity and the vocabulary’s label', () => {
    expect(
      facetTerms('intervention', ['hot-spot policing', 'Hot spots policing', 'hotspot policing']),
    ).toEqual({ identities: ['interventions:hot_spots_policing'], labels: ['Hot spots policing'] });
    expect(facetTerms('method', ['RCTs', 'randomized controlled trial', 'Drone surveys'])).toEqual({
      identities: ['research_methods:randomised_controlled_trial', 'text:dronesurvey'],
      labels: ['Randomised controlled trial', 'Drone surveys'],
    });
  });

  it('compares a filter by the same identity, and names nothing with no letter or digit', () => {
    expect(facetIdentity('crimeProblem', 'Burglaries')).toBe('crime_problems:burglary');
    expect(facetIdentity('crimeProblem', 'drug-related deaths')).toBe('text:drugrelateddeath');
    expect(facetIdentity('topic', ' - ')).toBe('');
  });

  it('shows a listed term by today’s label and id, a new one as indexed', () => {
    expect(facetLabel('interventions:hot_spots_policing', 'an old label')).toBe(
      'Hot spots policing',
    );
    expect(facetLabel('text:dronesurvey', 'drone surveys')).toBe('drone surveys');
    expect(facetTermId('interventions:hot_spots_policing')).toBe('hot_spots_policing');
    expect(facetTermId('text:dronesurvey')).toBeNull();
  });

  it('keeps the terms of its tags and title as key terms, its summary’s and body’s apart', () => {
    const terms = indexedTermsOf(
      evidenceSummary({
        title: 'Hotspot policing of knife crime',
        summary: 'A randomized controlled trial across 40 micro-places, with CCTV.',
        body: 'Knife crime fell; stop and search rose.',
        tags: {
          crimeProblems: ['Knife crimes'],
          interventions: [],
          populations: [],
          settings: ['micro_place'],
          methods: ['RCT'],
          topics: ['cuckooing'],
        },
      }),
    );
    expect(terms.facets.crimeProblem.labels).toEqual(['Knife crime']);
    expect(terms.facets.method.identities).toEqual([
      'research_methods:randomised_controlled_trial',
    ]);
    expect(terms.facets.topic).toEqual({ identities: ['text:cuckooing'], labels: ['cuckooing'] });
    expect(new Set(terms.keyTerms)).toEqual(
      new Set([
        'crime_problems:knife_crime',
        'research_methods:randomised_controlled_trial',
        'text:cuckooing',
        'text:microplace',
        'interventions:hot_spots_policing',
      ]),
    );
    expect(terms.textTerms).toEqual(['interventions:cctv', 'interventions:stop_and_search']);
    expect(terms.labels).toBe('Knife crime Randomised controlled trial');
  });
});
