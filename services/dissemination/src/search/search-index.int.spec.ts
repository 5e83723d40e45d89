import { randomUUID } from 'node:crypto';
import { vocabularies, type dissemination } from '@ebp/contracts';
import { CommandHandler, SqlCheckpointStore, SqlEventStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { libraryItemDecider, libraryItemStreamId } from '../library/library-item.decider';
import { LibrarySearchIndex, type SearchReader } from './search-index';
import { NALOXONE_ITEMS, seededLibrary, type SeededItem } from './seeded-library';

const viewer: SearchReader = {
  cleared: false,
  personId: '',
  seesAllSensitive: false,
  hiddenProjects: [],
};
const cleared = (personId: string, hiddenProjects: readonly string[] = []): SearchReader => ({
  cleared: true,
  personId,
  seesAllSensitive: false,
  hiddenProjects,
});
const context = () => ({
  commandId: randomUUID(),
  actor: { kind: 'person' as const, id: 'person-ed' },
  now: new Date('2026-11-26T10:00:00Z'),
  classification: 'OFFICIAL' as const,
});

/** Counts of a facet computed from the seed itself, independently of the index. */
function countsOf(items: readonly SeededItem[], values: (item: SeededItem) => readonly string[]) {
  const counts = new Map<string, number>();
  for (const item of items)
    for (const value of values(item)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Object.fromEntries(counts);
}
const asRecord = (facet: readonly { value: string; count: number }[]) =>
  Object.fromEntries(facet.map(({ value, count }) => [value, count]));

describe.each(sqlTargets())("'What Works' search over a seeded library, on $name", (target) => {
  let sql: SqlClient;
  let index: LibrarySearchIndex;
  let store: SqlEventStore;
  const seed = seededLibrary(300);
  const sensitive: SeededItem = {
    itemId: 'sensitive-burglary-covert',
    content: {
      ...seed[0]!.content,
      title: 'Covert tactics against burglary networks',
      classification: 'OFFICIAL_SENSITIVE',
      needToKnow: ['person-rae'],
    },
  };
  const withdrawn: SeededItem = {
    itemId: 'withdrawn-burglary',
    content: { ...seed[0]!.content, title: 'Hot spots policing and burglary: superseded study' },
  };
  /** Items about one register project, 'p-covert', each tagged with a crime problem of their own. */
  const ABOUT_PROJECT = 'cuckooing';
  const aboutProject = (classification: 'OFFICIAL' | 'OFFICIAL_SENSITIVE', title: string) => ({
    ...seed[0]!.content,
    title,
    summary: 'What the operation against the takeover of vulnerable people’s homes found.',
    tags: {
      crimeProblems: [ABOUT_PROJECT],
      interventions: [],
      populations: [],
      settings: [],
      methods: [],
      topics: [],
    },
    projectIds: ['p-covert'],
    classification,
  });
  const projectItems: (SeededItem & { source: dissemination.ItemSource })[] = [
    {
      itemId: 'project-p-covert',
      source: { kind: 'project', projectId: 'p-covert' },
      content: aboutProject('OFFICIAL', 'Cuckooing: the covert operation report'),
    },
    {
      itemId: 'outcome-p-covert',
      source: { kind: 'partner_outcome', submissionId: 's-covert', organisationId: 'org-uni' },
      content: aboutProject('OFFICIAL_SENSITIVE', 'Cuckooing: the university evaluation'),
    },
    {
      itemId: 'editor-cites-p-covert',
      source: { kind: 'editor' },
      content: aboutProject('OFFICIAL', 'Cuckooing: what supervisors need to know'),
    },
  ];

  beforeAll(async () => {
    sql = await target.create();
    store = await SqlEventStore.open(sql);
    index = await LibrarySearchIndex.open(sql);
    const commands = new CommandHandler(store, libraryItemDecider);
    const editor: dissemination.ItemSource = { kind: 'editor' };
    const editorItems = [...seed, ...NALOXONE_ITEMS, sensitive, withdrawn].map((item) => ({
      ...item,
      source: editor,
    }));
    for (const { itemId, content, source } of [...editorItems, ...projectItems]) {
      const stream = libraryItemStreamId(itemId);
      await commands.handle(
        stream,
        { type: 'draft', itemId, source, content, by: 'person-ed' },
        context(),
      );
      await commands.handle(stream, { type: 'publish', itemId, by: 'person-ed' }, context());
    }
    await commands.handle(
      libraryItemStreamId(withdrawn.itemId),
      {
        type: 'withdraw',
        itemId: withdrawn.itemId,
        reason: 'Superseded by a larger replication.',
        by: 'person-ed',
      },
      context(),
    );
    await index.processor(store, await SqlCheckpointStore.open(sql)).catchUp();
  }, 120_000);

  afterAll(async () => {
    await sql.close();
  });

  it('ranks items about every word of the query first', async () => {
    const about = seed.filter(
      ({ content }) =>
        content.tags.interventions.includes('hot spots policing') &&
        content.tags.crimeProblems.includes('burglary'),
    );
    expect(about.length).toBeGreaterThanOrEqual(2);
    const result = await index.search({ text: 'hot spots policing burglary', limit: 50 }, viewer);
    const top = result.hits.slice(0, about.length).map((hit) => hit.itemId);
    expect(new Set(top)).toEqual(new Set(about.map((item) => item.itemId)));
    // Items about only some of the words still match, below them.
    expect(result.total).toBeGreaterThan(about.length);
    const next = seed.find((item) => item.itemId === result.hits[about.length]!.itemId)!;
    expect(
      next.content.tags.interventions.includes('hot spots policing') &&
        next.content.tags.crimeProblems.includes('burglary'),
    ).toBe(false);
    // Withdrawn and OFFICIAL-SENSITIVE items are not among them for a viewer.
    expect(result.hits.map((hit) => hit.itemId)).not.toContain(withdrawn.itemId);
    expect(result.hits.map((hit) => hit.itemId)).not.toContain(sensitive.itemId);
  });

  it('finds words by their stem and ranks a title above a passing mention', async () => {
    const stems = await index.search({ text: 'burglaries' }, viewer);
    expect(stems.total).toBe(
      [...seed, ...NALOXONE_ITEMS].filter(({ content }) =>
        content.tags.crimeProblems.includes('burglary'),
      ).length,
    );
    const naloxone = await index.search({ text: 'naloxone' }, viewer);
    expect(naloxone.hits.map((hit) => hit.itemId)).toEqual([
      'naloxone-title',
      'naloxone-summary-mention',
    ]);
    const phrase = await index.search({ text: '"restorative justice" -robbery' }, viewer);
    const expected = seed.filter(
      ({ content }) =>
        content.tags.interventions.includes('restorative justice') &&
        !content.tags.crimeProblems.includes('robbery'),
    );
    expect(phrase.total).toBe(expected.length);
  });

  it('counts facets over the matching items, as the seed itself says', async () => {
    const robbery = seed.filter((item) => item.content.tags.crimeProblems.includes('robbery'));
    const result = await index.search({ filters: { crimeProblems: ['Robbery'] } }, viewer);
    expect(result.total).toBe(robbery.length);
    expect(asRecord(result.facets.smsLevel)).toEqual(
      countsOf(robbery, (item) => [String(item.content.evidence.smsLevel)]),
    );
    // Counted by vocabulary term, shown by its label ("body-worn video" is "Body-worn cameras").
    expect(asRecord(result.facets.intervention)).toEqual(
      countsOf(robbery, (item) =>
        item.content.tags.interventions.map(
          (tag) => vocabularies.matchTerm(vocabularies.INTERVENTIONS, tag)?.label ?? tag,
        ),
      ),
    );
    expect(asRecord(result.facets.method)).toEqual(
      countsOf(robbery, (item) =>
        item.content.tags.methods.map(
          (tag) => vocabularies.matchTerm(vocabularies.RESEARCH_METHODS, tag)!.label,
        ),
      ),
    );
    expect(asRecord(result.facets.year)).toEqual(
      countsOf(robbery, (item) => [String(item.content.year)]),
    );
    expect(asRecord(result.facets.emmieEffect)).toEqual(
      countsOf(robbery, (item) => [item.content.evidence.emmie!.effect.evidence]),
    );
    const narrowed = await index.search(
      { filters: { crimeProblems: ['robbery'], smsLevels: [4, 5], ebpLevels: ['tactical'] } },
      viewer,
    );
    expect(narrowed.total).toBe(
      robbery.filter(
        ({ content }) =>
          (content.evidence.smsLevel ?? 0) >= 4 && content.evidence.ebpLevel === 'tactical',
      ).length,
    );
  });

  it("orders 'what works' for a crime problem by strength of evidence", async () => {
    const hits = await index.whatWorks('knife crime', viewer);
    const knife = seed.filter((item) => item.content.tags.crimeProblems.includes('knife crime'));
    expect(hits).toHaveLength(knife.length);
    const strength = { strong: 3, moderate: 2, limited: 1, none: 0 } as const;
    const keys = hits.map((hit) => [
      hit.smsLevel ?? 0,
      strength[hit.emmieEffect as 'none'],
      hit.year,
    ]);
    const sorted = [...keys].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]! || b[2]! - a[2]!);
    expect(keys).toEqual(sorted);
    expect(hits[0]!.smsLevel).toBe(5);
  });

  it('shows an OFFICIAL-SENSITIVE item only to those who need to know and to editors', async () => {
    const query = { text: 'covert burglary networks' };
    expect((await index.search(query, viewer)).hits[0]?.itemId).not.toBe(sensitive.itemId);
    for (const reader of [
      cleared('person-rae'),
      { ...cleared('person-ed'), seesAllSensitive: true },
    ])
      expect((await index.search(query, reader)).hits[0]?.itemId).toBe(sensitive.itemId);
  });

  it('leaves items bound to a project the reader may not see out of hits, totals and facets', async () => {
    expect(await index.referencedProjects()).toEqual(['p-covert']);
    const query = { filters: { crimeProblems: [ABOUT_PROJECT] } };
    const found = async (reader: SearchReader) => {
      const result = await index.search(query, reader);
      const facet = result.facets.crimeProblem.find(({ value }) => value === ABOUT_PROJECT);
      const whatWorks = await index.whatWorks(ABOUT_PROJECT, reader);
      expect(whatWorks.map((hit) => hit.itemId).sort()).toEqual(
        result.hits.map((hit) => hit.itemId).sort(),
      );
      expect(facet?.count ?? 0).toBe(result.total);
      return { total: result.total, ids: result.hits.map((hit) => hit.itemId).sort() };
    };
    const hidden = ['p-covert'];
    // The project hidden: only the editor's OFFICIAL item, releasable on its own, is found.
    expect(await found({ ...viewer, hiddenProjects: hidden })).toEqual({
      total: 1,
      ids: ['editor-cites-p-covert'],
    });
    expect(await found({ ...cleared('person-kim', hidden), seesAllSensitive: true })).toEqual({
      total: 1,
      ids: ['editor-cites-p-covert'],
    });
    // The project visible: its OFFICIAL report; and to a cleared reader, the OFFICIAL-SENSITIVE
    // outcome too, whose need-to-know is the project's audience.
    expect(await found(viewer)).toEqual({
      total: 2,
      ids: ['editor-cites-p-covert', 'project-p-covert'],
    });
    expect(await found(cleared('person-kim'))).toEqual({
      total: 3,
      ids: ['editor-cites-p-covert', 'outcome-p-covert', 'project-p-covert'],
    });
  });

  it('changes nothing when the same events are applied again', async () => {
    const before = await index.search({ text: 'hot spots policing burglary', limit: 100 }, viewer);
    await index.apply(await store.readAll({ limit: 10_000 }));
    const after = await index.search({ text: 'hot spots policing burglary', limit: 100 }, viewer);
    expect(after).toEqual(before);
    expect((await index.search({ text: 'superseded' }, viewer)).total).toBe(0);
  });
});
