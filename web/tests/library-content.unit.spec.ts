import type { LibraryWorkingCopyFragment } from '../src/graphql/generated';
import {
  contentFormOf,
  contentOf,
  emptyContentForm,
  splitTags,
} from '../src/pages/library/content';

const rated = { evidence: 'moderate', quality: 'strong' } as const;

/** A working copy as the graph answers it: the client adds type names to every object. */
const copy: LibraryWorkingCopyFragment = {
  kind: 'research_report',
  title: 'Hot spots in Lambeth',
  summary: 'Short visits at random times cut robbery in the hot spots.',
  body: null,
  year: 2024,
  projectIds: ['project-a', 'project-hidden'],
  doi: '10.1234/abcd',
  url: null,
  classification: 'OFFICIAL_SENSITIVE',
  needToKnow: ['person-sam'],
  evidence: {
    smsLevel: 4,
    effectDirection: 'positive',
    ebpLevel: null,
    emmie: {
      __typename: 'Emmie',
      effect: { __typename: 'EmmieDimension', ...rated },
      mechanism: { ...rated },
      moderators: { ...rated },
      implementation: { ...rated },
      economicCost: { ...rated },
    } as NonNullable<NonNullable<LibraryWorkingCopyFragment['evidence']>['emmie']>,
  },
  tags: {
    crimeProblems: ['robbery', 'street crime'],
    interventions: ['hot spots policing'],
    populations: null,
    settings: [],
    methods: [],
    topics: [],
  },
};

describe('library content forms', () => {
  it('splits tags at commas, trimming and dropping empty ones', () => {
    expect(splitTags(' robbery, , street crime ,')).toEqual(['robbery', 'street crime']);
    expect(splitTags('')).toEqual([]);
  });

  it('fills the form from a working copy and sends back what the form does not show', () => {
    const form = contentFormOf(copy);
    expect(form).toMatchObject({
      title: 'Hot spots in Lambeth',
      year: '2024',
      smsLevel: '4',
      effectDirection: 'positive',
      ebpLevel: '',
      crimeProblems: 'robbery, street crime',
      populations: '',
      doi: '10.1234/abcd',
    });
    const built = contentOf(
      { ...form, title: 'Hot spots in Lambeth, revised', smsLevel: '' },
      copy,
    );
    if (!('content' in built)) throw new Error('refused');
    expect(built.content).toEqual({
      kind: 'research_report',
      title: 'Hot spots in Lambeth, revised',
      summary: copy.summary,
      year: 2024,
      evidence: {
        effectDirection: 'positive',
        // No type names: the input type takes only the ratings.
        emmie: {
          effect: rated,
          mechanism: rated,
          moderators: rated,
          implementation: rated,
          economicCost: rated,
        },
      },
      tags: {
        crimeProblems: ['robbery', 'street crime'],
        interventions: ['hot spots policing'],
        populations: [],
        settings: [],
        methods: [],
        topics: [],
      },
      projectIds: ['project-a', 'project-hidden'],
      doi: '10.1234/abcd',
      classification: 'OFFICIAL_SENSITIVE',
      needToKnow: ['person-sam'],
    });
  });

  it('refuses a year that is not four digits beside the year, and sends nothing', () => {
    for (const year of ['24', '2024.5', 'twenty', ''])
      expect(contentOf({ ...emptyContentForm(2025), year })).toEqual({
        issues: new Map([['year', 'Enter the year as four digits, e.g. 2024.']]),
      });
  });

  it('leaves out empty optional fields of a new item', () => {
    const built = contentOf({
      ...emptyContentForm(2025),
      title: 'A new summary',
      summary: 'Twenty characters or more.',
      body: '  ',
    });
    if (!('content' in built)) throw new Error('refused');
    expect(built.content).toEqual({
      kind: 'evidence_summary',
      title: 'A new summary',
      summary: 'Twenty characters or more.',
      year: 2025,
      evidence: {},
      tags: {
        crimeProblems: [],
        interventions: [],
        populations: [],
        settings: [],
        methods: [],
        topics: [],
      },
      projectIds: [],
      classification: 'OFFICIAL',
    });
  });
});
