import { randomUUID } from 'node:crypto';
import type { dissemination } from '@ebp/contracts';
import { CommandHandler, SqlCheckpointStore, SqlEventStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { evidenceSummary } from '../library/library.fixtures';
import { libraryItemDecider, libraryItemStreamId } from '../library/library-item.decider';
import { LibrarySearchIndex, type SearchReader } from './search-index';

const viewer: SearchReader = {
  cleared: false,
  personId: '',
  seesAllSensitive: false,
  hiddenProjects: [],
};
const context = () => ({
  commandId: randomUUID(),
  actor: { kind: 'person' as const, id: 'person-ed' },
  now: new Date('2026-11-26T10:00:00Z'),
  classification: 'OFFICIAL' as const,
});
const NO_TAGS: dissemination.LibraryTags = {
  crimeProblems: [],
  interventions: [],
  populations: [],
  settings: [],
  methods: [],
  topics: [],
};
const item = (
  title: string,
  tags: Partial<dissemination.LibraryTags>,
  summary = `${title}: what the study found, for busy supervisors.`,
) => evidenceSummary({ title, summary, tags: { ...NO_TAGS, ...tags }, projectIds: [] });

/** A small library, each term tagged or written in a different spelling. */
const LIBRARY: Record<string, dissemination.LibraryContent> = {
  'rct-tagged': item('Street triage in Lambeth', { methods: ['RCTs'] }),
  'rct-titled': item('A randomized controlled trial of custody diversion', {}),
  'rct-mentioned': item(
    'Custody diversion in Croydon',
    {},
    'A randomised controlled trial found fewer repeat arrests among those diverted.',
  ),
  'hot-spots-hyphen': item('Patrols in Newham', { interventions: ['hot-spot policing'] }),
  'hot-spots-plural': item('Patrols in Ealing', { interventions: ['Hot spots policing'] }),
  'burglary-us': item('Burglaries and target hardening', { crimeProblems: ['burglaries'] }),
  'new-term': item('Geofenced curfews', { interventions: ['geo-fenced curfews'] }),
  unrelated: item('Wellbeing of call handlers', { topics: ['officer wellbeing'] }),
};

describe.each(sqlTargets())("'What Works' search through the vocabularies, on $name", (target) => {
  let sql: SqlClient;
  let index: LibrarySearchIndex;

  beforeAll(async () => {
    sql = await target.create();
    const store = await SqlEventStore.open(sql);
    index = await LibrarySearchIndex.open(sql);
    const commands = new CommandHandler(store, libraryItemDecider);
    for (const [itemId, content] of Object.entries(LIBRARY)) {
      const stream = libraryItemStreamId(itemId);
      const by = 'person-ed';
      await commands.handle(
        stream,
        { type: 'draft', itemId, source: { kind: 'editor' }, content, by },
        context(),
      );
      await commands.handle(stream, { type: 'publish', itemId, by }, context());
    }
    await index.processor(store, await SqlCheckpointStore.open(sql)).catchUp();
  }, 120_000);

  afterAll(async () => {
    await sql.close();
  });

  const ids = async (query: Parameters<LibrarySearchIndex['search']>[0]) =>
    (await index.search(query, viewer)).hits.map((hit) => hit.itemId);

  it.each(['randomised controlled trial', 'Randomized controlled trials', 'RCT', 'rcts'])(
    'finds the same items, in the same order, for "%s"',
    async (variant) => {
      // Tagged or in the title first (published together: by id), a mention in a summary after.
      expect(await ids({ text: variant })).toEqual(['rct-tagged', 'rct-titled', 'rct-mentioned']);
      expect(await ids({ filters: { methods: [variant] } })).toEqual(['rct-tagged']);
    },
  );

  it('counts every spelling of a term as one facet value, shown by its label', async () => {
    const result = await index.search({ filters: { interventions: ['hotspot policing'] } }, viewer);
    expect(result.hits.map((hit) => hit.itemId).sort()).toEqual([
      'hot-spots-hyphen',
      'hot-spots-plural',
    ]);
    expect(result.facets.intervention).toEqual([
      { value: 'Hot spots policing', count: 2, termId: 'hot_spots_policing' },
    ]);
    const all = await index.search({}, viewer);
    expect(all.facets.method).toEqual([
      { value: 'Randomised controlled trial', count: 1, termId: 'randomised_controlled_trial' },
    ]);
    expect(all.facets.intervention).toContainEqual({
      value: 'geo-fenced curfews',
      count: 1,
      termId: null,
    });
  });

  it('matches a term the vocabulary lacks by its key, in filters and words alike', async () => {
    for (const variant of ['Geofenced curfew', 'geo fenced curfews'])
      expect([
        variant,
        await ids({ filters: { interventions: [variant] } }),
        await ids({ text: variant }),
      ]).toEqual([variant, ['new-term'], ['new-term']]);
  });

  it("answers 'what works' for a crime problem in any spelling", async () => {
    for (const variant of ['burglary', 'Burglaries', 'BURGLARY'])
      expect((await index.whatWorks(variant, viewer)).map((hit) => hit.itemId)).toEqual([
        'burglary-us',
      ]);
  });

  it('finds nothing for a part of a term, and the rest of the words by full text', async () => {
    expect(await ids({ filters: { interventions: ['hot spots'] } })).toEqual([]);
    expect(await ids({ text: 'call handlers' })).toEqual(['unrelated']);
  });
});
