// Issue 18, shared vocabularies, end to end through the gateway (all-in-one): the expertise
// finder and 'What Works' search find the same people and items for every spelling and synonym
// of a term, and a completed project's library draft carries its terms into the facets.
import { randomUUID } from 'node:crypto';
import { waitFor } from '@ebp/eventing/testing';
import { startAllInOne, type RunningPlatform } from './all-in-one';
import { callers, type PlatformUnderTest } from './testing/platform-under-test';
import { completeProposedProject, proposal, proposeProject } from './testing/register-fixtures';

type TagFacet = 'methods' | 'interventions' | 'crimeProblems' | 'topics';
type FacetName = 'method' | 'intervention' | 'crimeProblem' | 'topic';

/** One term in several spellings; `label` and `termId` are the vocabulary's (none: a new term). */
interface Row {
  readonly facet: TagFacet;
  readonly variants: readonly [string, ...string[]];
  readonly term?: { readonly label: string; readonly termId: string };
}

const ROWS: readonly Row[] = [
  {
    facet: 'methods',
    variants: [
      'randomised controlled trial',
      'Randomized controlled trials',
      'RCT',
      'randomised-controlled trials',
    ],
    term: { label: 'Randomised controlled trial', termId: 'randomised_controlled_trial' },
  },
  {
    facet: 'interventions',
    variants: ['hot spots policing', 'hot-spot policing', 'Hotspot policing'],
    term: { label: 'Hot spots policing', termId: 'hot_spots_policing' },
  },
  {
    facet: 'crimeProblems',
    variants: ['anti-social behaviour', 'Anti-social behavior', 'ASB'],
    term: { label: 'Anti-social behaviour', termId: 'anti_social_behaviour' },
  },
  {
    facet: 'topics',
    variants: ['public confidence', 'Public trust and confidence', 'trust in policing'],
    term: { label: 'Public trust and confidence', termId: 'public_confidence' },
  },
  {
    facet: 'methods',
    variants: ['cost-benefit analysis', 'Cost benefit analyses', 'CBA'],
    term: { label: 'Cost-benefit analysis', termId: 'cost_benefit_analysis' },
  },
  // A term no vocabulary lists: its spellings still meet, by their term key.
  { facet: 'interventions', variants: ['geo-fenced curfews', 'Geofenced curfew'] },
];

const FACET_OF: Readonly<Record<TagFacet, FacetName>> = {
  methods: 'method',
  interventions: 'intervention',
  crimeProblems: 'crimeProblem',
  topics: 'topic',
};

interface FacetCount {
  value: string;
  count: number;
  termId: string | null;
}
interface SearchAnswer {
  search: {
    total: number;
    hits: { item: { id: string } }[];
    facets: Record<FacetName, FacetCount[]>;
  };
}

const SEARCH = `query($text: String, $filters: SearchFilters) {
  search(text: $text, filters: $filters, limit: 100) {
    total hits { item { id } }
    facets {
      method { value count termId } intervention { value count termId }
      crimeProblem { value count termId } topic { value count termId }
    }
  }
}`;
const EXPERTS = `query($methods: [String!], $topics: [String!]) {
  experts(methods: $methods, topics: $topics) { person { id } }
}`;
const REGISTER =
  'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }';
const UPDATE =
  'mutation($id: ID!, $c: PersonProfileChangesInput!) { updateProfile(id: $id, changes: $c) { version } }';
const DRAFT =
  'mutation($id: ID!, $c: LibraryContentInput!) { draftLibraryItem(id: $id, content: $c) { id } }';
const PUBLISH = 'mutation($id: ID!) { publishLibraryItem(id: $id) { version } }';
const ITEM_TAGS = `query($id: ID!) { libraryItem(id: $id) { status tags {
  methods interventions crimeProblems topics } } }`;

const sorted = (values: readonly string[]) => [...values].sort();

describe('shared vocabularies through the gateway (issue 18)', () => {
  let running: RunningPlatform | undefined;
  // Started here rather than by platformFor: on a busy machine starting takes longer than a
  // hook's default time.
  beforeAll(async () => {
    running = await startAllInOne({ port: 0 });
  }, 120_000);
  afterAll(async () => {
    await running?.stop();
  });
  const platform = (): PlatformUnderTest => {
    if (!running) throw new Error('The platform did not start');
    return {
      url: running.url,
      origin: running.origin,
      publicUrl: running.publicUrl,
      subgraphUrls: {
        register: running.register.url,
        community: running.community.url,
        partners: running.partners.url,
        dissemination: running.dissemination.url,
      },
      identitySecret: '',
      issuer: running.issuer!,
      stop: () => running!.stop(),
    };
  };
  const as = callers(platform);
  const run = randomUUID().slice(0, 8);
  const idOf = (row: number, variant: number) => `e2e-${run}-r${row}-v${variant}`;
  /** An item that names the row's term only in its title: found by words, not by a filter. */
  const titledIdOf = (row: number) => `e2e-${run}-r${row}-titled`;

  const profile = (name: string) => ({
    name,
    rankOrGrade: 'Police Constable',
    unit: `South BCU ${run}`,
    contact: { email: `${name}@met.example` },
    credentials: [],
    skills: [],
    topics: [],
    availability: { willing: true, hoursPerMonth: 4 },
    consent: { listedInExpertiseFinder: true, contactableByResearchers: true },
  });
  /** What a person in the row says about themselves: the term as a skill or as a topic. */
  const termOf = (row: Row, variant: string) =>
    row.facet === 'methods'
      ? { skills: [{ method: variant, selfAssessed: 3 }] }
      : { topics: [variant] };
  const content = (title: string, tags: Partial<Record<TagFacet, string[]>>) => ({
    kind: 'evidence_summary',
    title,
    summary: 'What the study found, written up for busy supervisors.',
    year: 2026,
    tags,
    classification: 'OFFICIAL',
  });

  beforeAll(async () => {
    const ada = await as('ada');
    const rob = await as('rob');
    const publish = async (id: string, item: ReturnType<typeof content>) => {
      await rob.must(DRAFT, { id, c: item });
      await rob.must(PUBLISH, { id });
    };
    for (const [r, row] of ROWS.entries()) {
      for (const [v, variant] of row.variants.entries()) {
        const id = idOf(r, v);
        // The first person of each row is registered without the term and given it by an update.
        if (v === 0) {
          await ada.must(REGISTER, { id, p: profile(`person-${r}-${v}`) });
          await ada.must(UPDATE, { id, c: termOf(row, variant) });
        } else
          await ada.must(REGISTER, {
            id,
            p: { ...profile(`person-${r}-${v}`), ...termOf(row, variant) },
          });
        await publish(id, content(`Field report ${r}${v}`, { [row.facet]: [variant] }));
      }
      await publish(titledIdOf(r), content(`Field report on ${row.variants[0]}`, {}));
    }
  }, 240_000);

  const search = async (variables: Record<string, unknown>) =>
    (await (await as('vic')).must<SearchAnswer>(SEARCH, variables)).search;

  it.each(ROWS.flatMap((row, r) => row.variants.map((variant) => [r, variant] as const)))(
    'row %i: the expertise finder and What Works find the same people and items for "%s"',
    async (r, variant) => {
      const row = ROWS[r]!;
      const everyVariant = row.variants.map((_, v) => idOf(r, v));

      const { experts } = await (
        await as('rae')
      ).must<{ experts: { person: { id: string } }[] }>(
        EXPERTS,
        row.facet === 'methods' ? { methods: [variant] } : { topics: [variant] },
      );
      expect(sorted(experts.map((expert) => expert.person.id))).toEqual(sorted(everyVariant));

      const byWords = await search({ text: variant });
      expect(sorted(byWords.hits.map((hit) => hit.item.id))).toEqual(
        sorted([...everyVariant, titledIdOf(r)]),
      );

      const facet = FACET_OF[row.facet];
      const byFilter = await search({ filters: { [row.facet]: [variant] } });
      expect(sorted(byFilter.hits.map((hit) => hit.item.id))).toEqual(sorted(everyVariant));
      // Every spelling is counted as one facet value: the vocabulary's label and id, or for a
      // new term one of its spellings as tagged (lower case).
      const [only, ...others] = byFilter.facets[facet];
      expect(others).toEqual([]);
      expect(only).toEqual({
        value: row.term?.label ?? only?.value,
        count: everyVariant.length,
        termId: row.term?.termId ?? null,
      });
      if (!row.term)
        expect(row.variants.map((spelt) => spelt.toLowerCase())).toContain(only?.value);
    },
  );

  it("carries a completed project's terms into its draft, and so into the What Works facets", async () => {
    const rae = await as('rae');
    const title = `Hot-spot policing of knife crime ${run}`;
    const projectId = await proposeProject(
      rae,
      `e2e-${run}-vocabulary`,
      proposal(title, 'person-rae', { methods: ['RCTs', 'Process evaluations'] }),
    );
    await completeProposedProject(as, projectId);
    const itemId = `project-${projectId}`;
    const draft = await waitFor(
      'the completed project to become a draft library item',
      async () =>
        (
          await (
            await as('rob')
          ).must<{
            libraryItem: { status: string; tags: Record<TagFacet, string[]> } | null;
          }>(ITEM_TAGS, { id: itemId })
        ).libraryItem,
      (found) => found?.status === 'draft',
      30_000,
    );
    expect(draft!.tags).toEqual({
      methods: ['randomised controlled trial', 'process evaluation'],
      interventions: ['hot spots policing'],
      crimeProblems: ['knife crime', 'violence with injury'],
      topics: [],
    });

    await (await as('rob')).must(PUBLISH, { id: itemId });
    const found = await waitFor(
      'the published draft to be searchable',
      () => search({ filters: { crimeProblems: ['knife crimes'] } }),
      (result) => result.total > 0,
      30_000,
    );
    expect(found.hits.map((hit) => hit.item.id)).toEqual([itemId]);
    expect(found.facets).toEqual({
      method: [
        { value: 'Process evaluation', count: 1, termId: 'process_evaluation' },
        { value: 'Randomised controlled trial', count: 1, termId: 'randomised_controlled_trial' },
      ],
      intervention: [{ value: 'Hot spots policing', count: 1, termId: 'hot_spots_policing' }],
      crimeProblem: [
        { value: 'Knife crime', count: 1, termId: 'knife_crime' },
        { value: 'Violence with injury', count: 1, termId: 'violence_with_injury' },
      ],
      topic: [],
    });
  });

  it('lists the vocabularies for forms, each term with its id, label and synonyms', async () => {
    const { vocabulary } = await (
      await as('vic')
    ).must<{
      vocabulary: {
        id: string;
        terms: { id: string; label: string; synonyms: string[]; broader: string | null }[];
      };
    }>('{ vocabulary(id: research_methods) { id terms { id label synonyms broader } } }');
    expect(vocabulary.id).toBe('research_methods');
    expect(vocabulary.terms).toContainEqual(
      expect.objectContaining({
        id: 'randomised_controlled_trial',
        label: 'Randomised controlled trial',
        synonyms: expect.arrayContaining(['RCT']) as unknown,
        broader: null,
      }),
    );
    const { vocabularies } = await (
      await as('vic')
    ).must<{ vocabularies: { id: string }[] }>('{ vocabularies { id } }');
    expect(vocabularies.map((listed) => listed.id)).toEqual(
      expect.arrayContaining(['research_methods', 'crime_problems', 'interventions', 'topics']),
    );
  });
});
