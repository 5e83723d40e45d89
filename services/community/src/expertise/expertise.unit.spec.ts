import type { PersonEntry } from '../people/projections/person-directory.projection';
import { rankExperts, suggestTeam, teamNeedOf } from './expertise';

function person(personId: string, overrides: Partial<PersonEntry> = {}): PersonEntry {
  return {
    personId,
    status: 'active',
    rankOrGrade: 'PC',
    unit: 'North BCU',
    skills: [],
    topics: [],
    availability: { willing: true },
    consent: { listedInExpertiseFinder: true, contactableByResearchers: true },
    championships: [],
    training: [],
    sealed: {},
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const trialist = person('p-trials', {
  skills: [{ method: 'randomised-controlled-trial', selfAssessed: 4, verified: 4 }],
  topics: ['hot-spot policing'],
});
const selfRated = person('p-self', {
  skills: [{ method: 'randomised-controlled-trial', selfAssessed: 4, verified: null }],
  unit: 'Central West BCU',
});
const analyst = person('p-analyst', {
  skills: [{ method: 'crime-analysis', selfAssessed: 3, verified: 3 }],
  topics: ['Hot-spot policing', 'violence'],
});
const champion = person('p-champion', {
  unit: 'Central West BCU',
  championships: [{ area: 'Central West BCU', from: '2026-01-01' }],
});
const hidden = person('p-hidden', {
  skills: [{ method: 'randomised-controlled-trial', selfAssessed: 4, verified: 4 }],
  consent: { listedInExpertiseFinder: false, contactableByResearchers: false },
});
const busy = person('p-busy', {
  skills: [{ method: 'randomised-controlled-trial', selfAssessed: 4, verified: 4 }],
  availability: { willing: false },
});
const erased = person('p-erased', { status: 'erased' });
const everyone = [trialist, selfRated, analyst, champion, hidden, busy, erased];

describe('expertise finder', () => {
  it('ranks verified skill above the same self-assessed level, and explains the match', () => {
    expect(rankExperts(everyone, { methods: ['randomised-controlled-trial'] })).toEqual([
      {
        personId: 'p-trials',
        score: 4,
        matched: { methods: { 'randomised-controlled-trial': 4 }, topics: [] },
      },
      {
        personId: 'p-self',
        score: 3.2,
        matched: { methods: { 'randomised-controlled-trial': 3.2 }, topics: [] },
      },
    ]);
  });

  it('adds topics (ignoring case) and the unit, and honours a minimum level', () => {
    const ranked = rankExperts(everyone, {
      methods: ['randomised-controlled-trial'],
      topics: ['hot-spot policing'],
      unit: 'Central West BCU',
    });
    expect(ranked.map((entry) => [entry.personId, entry.score])).toEqual([
      ['p-trials', 5],
      ['p-self', 3.7],
      ['p-analyst', 1],
      ['p-champion', 0.5],
    ]);
    expect(
      rankExperts(everyone, { methods: ['randomised-controlled-trial'], minimumLevel: 3.5 }).map(
        (entry) => entry.personId,
      ),
    ).toEqual(['p-trials']);
  });

  it.each([
    ['randomised controlled trial'],
    ['Randomized controlled trials'],
    ['RCT'],
    ['randomised-controlled-trials'],
  ])('finds the same people for the method "%s" in any spelling (issue 18)', (method) => {
    const spelt = [
      person('p-rct', { skills: [{ method: 'RCTs', selfAssessed: 3, verified: 3 }] }),
      person('p-us', {
        skills: [{ method: 'Randomized Controlled Trial', selfAssessed: 2, verified: null }],
      }),
      person('p-cluster', {
        skills: [{ method: 'cluster randomised trial', selfAssessed: 4, verified: 4 }],
      }),
    ];
    expect(
      rankExperts([...everyone, ...spelt], { methods: [method] }).map((entry) => [
        entry.personId,
        entry.score,
      ]),
    ).toEqual([
      ['p-trials', 4],
      ['p-self', 3.2],
      ['p-rct', 3],
      ['p-us', 1.6],
    ]);
  });

  it('counts the best level when a profile names one method twice', () => {
    const twice = person('p-twice', {
      skills: [
        { method: 'RCT', selfAssessed: 1, verified: null },
        { method: 'randomised controlled trials', selfAssessed: 4, verified: 4 },
      ],
    });
    expect(rankExperts([twice], { methods: ['Randomized controlled trial'] })).toEqual([
      {
        personId: 'p-twice',
        score: 4,
        matched: { methods: { 'Randomized controlled trial': 4 }, topics: [] },
      },
    ]);
  });

  it('matches topics through every subject vocabulary, and new ones by their key', () => {
    const topical = person('p-topics', {
      topics: ['Hot spots policing', 'ASB', 'drone-based patrols'],
    });
    const ranked = (topics: string[]) =>
      rankExperts([topical, analyst], { topics }).map((entry) => [
        entry.personId,
        entry.matched.topics,
      ]);
    expect(ranked(['hotspot policing'])).toEqual([
      ['p-analyst', ['Hot-spot policing']],
      ['p-topics', ['Hot spots policing']],
    ]);
    expect(ranked(['anti-social behaviour', 'Drone based patrol'])).toEqual([
      ['p-topics', ['ASB', 'drone-based patrols']],
    ]);
    // A part of a term is not the term.
    expect(ranked(['hot spots'])).toEqual([]);
  });

  it('never lists people who opted out, are unavailable or were erased', () => {
    const listed = rankExperts(everyone, { methods: ['randomised-controlled-trial'] }).map(
      (entry) => entry.personId,
    );
    for (const absent of ['p-hidden', 'p-busy', 'p-erased']) expect(listed).not.toContain(absent);
  });
});

describe('suggest a team', () => {
  it('covers each method with a different person, then adds the unit’s champion', () => {
    expect(
      suggestTeam(everyone, {
        methods: ['randomised-controlled-trial', 'crime-analysis'],
        topics: ['hot-spot policing'],
        unit: 'Central West BCU',
      }),
    ).toEqual([
      { personId: 'p-trials', role: 'researcher', covers: ['randomised-controlled-trial'] },
      { personId: 'p-analyst', role: 'analyst', covers: ['crime-analysis'] },
      { personId: 'p-champion', role: 'champion', covers: ['Central West BCU'] },
    ]);
  });

  it('leaves a method uncovered rather than suggest someone without it', () => {
    expect(
      suggestTeam([analyst], { methods: ['ethnography', 'crime-analysis'], topics: [], unit: 'X' }),
    ).toEqual([{ personId: 'p-analyst', role: 'analyst', covers: ['crime-analysis'] }]);
  });
});

describe("a project's team need", () => {
  it('takes the methods and unit, and as topics the pool’s topics its words mention', () => {
    expect(
      teamNeedOf(
        {
          methods: ['crime-analysis'],
          owningUnit: 'North BCU',
          text: 'Hot-Spot Policing of Violence: a quasi-experiment',
        },
        everyone,
        3,
      ),
    ).toEqual({
      methods: ['crime-analysis'],
      topics: ['hot-spot policing', 'violence'],
      unit: 'North BCU',
      size: 3,
    });
  });

  it('finds the pool’s topics in other spellings, and not in a part of a term', () => {
    const pool = [
      person('p-a', { topics: ['hot-spot policing', 'Burglaries', 'custody'] }),
      person('p-b', { topics: ['hot spots policing', 'Anti-social behaviour'] }),
    ];
    expect(
      teamNeedOf(
        { methods: [], owningUnit: 'X', text: 'Hotspot policing of burglary and ASB in parks' },
        pool,
      ).topics,
    ).toEqual(['anti-social behaviour', 'burglaries', 'hot-spot policing']);
    expect(
      teamNeedOf({ methods: [], owningUnit: 'X', text: 'Patrols at hot spots' }, pool).topics,
    ).toEqual([]);
  });

  it('finds no topic in words that mention none of the pool’s', () => {
    expect(
      teamNeedOf({ methods: [], owningUnit: 'X', text: 'Custody throughput' }, everyone).topics,
    ).toEqual([]);
  });
});
