// One spelling per enumerated value (issue 18, decision 0023): on the demo, no status, verdict,
// decision, kind or role appears in a second spelling in any graph response, report format, read
// model or event payload.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getNamedType, isNonNullType, type GraphQLField } from 'graphql';
import { eventCatalogue } from '@ebp/contracts';
import { startAllInOne, type RunningPlatform } from './all-in-one';
import { openEmbeddedDatabase } from './data-directory';
import { GraphClient } from './graph-client';
import { loadDemoData } from './demo/demo-data';
import { loadComposedGraph } from './testing/schema-paths';
import {
  csvCells,
  documentTokens,
  graphEnumValues,
  jsonSchemaEnumValues,
  misspelt,
  otherSpellings,
  selectionFor,
  stringsIn,
} from './testing/spelling-checks';

const SERVICES = ['register', 'community', 'partners', 'dissemination'] as const;
const FORMATS = ['JSON', 'CSV', 'MARKDOWN', 'HTML'] as const;
/** Who asks: the committee (cleared) sees most, the admin people's records, the partner its own. */
const READERS = ['cat', 'ada', 'rob', 'uni'] as const;

/** The tables besides the read models and the log that hold enumerated values, by service. */
const EXTRA_TABLES: Readonly<Record<string, readonly string[]>> = {
  register: ['ebp_archived_events'],
  dissemination: ['dissemination_search', 'dissemination_search_sources'],
};

describe('one spelling per enumerated value, on the demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ebp-spelling-'));
  const graph = loadComposedGraph();
  const enumValues = new Set([
    ...graphEnumValues(graph.schema),
    ...eventCatalogue().flatMap((topic) =>
      topic.events.flatMap((event) => [...jsonSchemaEnumValues(event.schema)]),
    ),
  ]);
  const other = otherSpellings(enumValues);
  let found: string[] = [];
  let checked = 0;
  /** Values with words joined by underscores met in the right spelling: what the test covered. */
  const seen = new Set<string>();
  const check = (where: string, strings: readonly string[]) => {
    checked += strings.length;
    for (const text of strings) if (text.includes('_') && enumValues.has(text)) seen.add(text);
    found.push(...misspelt(where, strings, other));
  };
  beforeEach(() => {
    found = [];
  });
  let platform: RunningPlatform;
  const clients = new Map<string, GraphClient>();

  beforeAll(async () => {
    platform = await startAllInOne({
      port: 0,
      dataDir,
      // Whole-type selections run deeper and wider than any page's queries.
      limits: { maxDepth: 30, maxCost: 1_000_000, maxTokens: 100_000, maxAliases: 1_000 },
    });
    for (const user of ['rae', 'sam', 'rob', 'rex', 'cat', 'ada', 'vic', 'uni'])
      clients.set(user, new GraphClient(platform.url, await platform.issuer!.tokenFor(user)));
    await loadDemoData((user) => clients.get(user)!);
  }, 300_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('knows both spellings of the values it looks for', () => {
    expect(other.get('in-progress')).toBe('in_progress');
    expect(other.get('meets-standards')).toBe('meets_standards');
    expect(other.get('master-class')).toBe('master_class');
    expect(misspelt('x', ['demo-hot-spots', 'in_progress', 'in-progress'], other)).toEqual([
      'x: in-progress (one spelling is in_progress)',
    ]);
    // A vocabulary's synonyms are free text kept for matching; every other field is looked at.
    expect(
      stringsIn({ id: 'highly_proactive', synonyms: ['highly-proactive'], status: 'in-progress' }),
    ).toEqual(['id', 'highly_proactive', 'synonyms', 'status', 'in-progress']);
  });

  it('in every answer of the graph: each query field, every field of its type three levels deep', async () => {
    const schema = graph.schema;
    const ids = await clients.get('cat')!.must<{
      researchProjects: { items: { id: string }[] };
      organisations: { id: string }[];
      academics: { id: string }[];
      learningNetworks: { id: string }[];
      upcomingMasterClasses: { id: string }[];
      awardRounds: { items: { id: string }[] };
    }>(
      `{ researchProjects(limit: 200) { items { id } } organisations { id } academics { id }
         learningNetworks { id } upcomingMasterClasses { id } awardRounds { items { id } } }`,
    );
    const byType: Record<string, string[]> = {
      ResearchProject: ids.researchProjects.items.map((item) => item.id),
      Organisation: ids.organisations.map((item) => item.id),
      Academic: ids.academics.map((item) => item.id),
      LearningNetwork: ids.learningNetworks.map((item) => item.id),
      MasterClass: ids.upcomingMasterClasses.map((item) => item.id),
      AwardRound: ids.awardRounds.items.map((item) => item.id),
      Person: ['person-rae', 'person-sam', 'person-rob', 'person-lee', 'person-kit'],
    };
    const today = new Date().toISOString().slice(0, 10);
    const fixed: Record<string, string> = {
      purpose: 'team_building',
      since: '2000-01-01',
      asOf: today,
      withinDays: '3650',
      crimeProblem: '"robbery"',
      status: 'published',
      personId: '"person-sam"',
    };
    let asked = 0;
    for (const field of Object.values(schema.getQueryType()!.getFields()) as GraphQLField<
      unknown,
      unknown
    >[]) {
      if (field.name.startsWith('governance')) continue;
      const returns = getNamedType(field.type);
      const needsId = field.args.some((argument) => argument.name === 'id');
      const targets = needsId ? (byType[returns.name] ?? []) : [undefined];
      const required = field.args.filter(
        (argument) => isNonNullType(argument.type) && argument.name !== 'id',
      );
      if (required.some((argument) => fixed[argument.name] === undefined)) continue;
      for (const id of targets) {
        const args = [
          ...(id ? [`id: "${id}"`] : []),
          ...required.map((argument) =>
            argument.name === 'asOf' || argument.name === 'since'
              ? `${argument.name}: "${fixed[argument.name]}"`
              : `${argument.name}: ${fixed[argument.name]}`,
          ),
        ];
        const inner = selectionFor(schema, returns, 3);
        const query = `{ ${field.name}${args.length ? `(${args.join(', ')})` : ''}${inner ? ` { ${inner} }` : ''} }`;
        for (const reader of READERS) {
          const response = await clients.get(reader)!.request(query);
          // A reader may be refused a field (FORBIDDEN), never sent a query the graph rejects.
          expect(
            (response.errors ?? [])
              .map((error) => error.extensions?.['code'])
              .filter(
                (code) => code === 'QUERY_TOO_COMPLEX' || code === 'GRAPHQL_VALIDATION_FAILED',
              ),
          ).toEqual([]);
          if (response.data) asked += 1;
          check(`graph ${field.name} as ${reader}`, stringsIn(response.data));
        }
      }
    }
    console.log(`spelling: ${asked} graph answers read, ${checked} strings so far`);
    expect(asked).toBeGreaterThan(100);
    expect(found).toEqual([]);
  }, 600_000);

  it('in every format of the governance report and comparison', async () => {
    const cat = clients.get('cat')!;
    const today = new Date().toISOString().slice(0, 10);
    for (const format of FORMATS) {
      const { governanceReport } = await cat.must<{ governanceReport: string }>(
        `query($asOf: String!) { governanceReport(asOf: $asOf, format: ${format}) }`,
        { asOf: today },
      );
      const strings =
        format === 'JSON'
          ? stringsIn(JSON.parse(governanceReport))
          : format === 'CSV'
            ? csvCells(governanceReport)
            : documentTokens(governanceReport);
      check(`governance report (${format})`, strings);
    }
    const { governanceComparison } = await cat.must<{ governanceComparison: string }>(
      `query($to: String!) { governanceComparison(from: "2025-01-01", to: $to, format: JSON) }`,
      { to: today },
    );
    check('governance comparison', stringsIn(JSON.parse(governanceComparison)));
    expect(found).toEqual([]);
  }, 120_000);

  it('in every read model and every event payload the services stored', async () => {
    await platform.stop();
    const database = await openEmbeddedDatabase(dataDir);
    for (const service of SERVICES) {
      const sql = await database.schemaClient(service);
      try {
        const documents = await sql.query<{ collection: string; body: unknown }>(
          'select collection, body from ebp_documents where body is not null',
        );
        for (const row of documents.rows)
          check(`${service} read model ${row.collection}`, stringsIn(row.body));
        const events = await sql.query<{ type: string; data: unknown; metadata: unknown }>(
          'select type, data, metadata from ebp_events',
        );
        for (const row of events.rows)
          check(`${service} event ${row.type}`, stringsIn([row.data, row.metadata]));
        // Other stores a service keeps: copies of other services' events, the search index.
        for (const table of EXTRA_TABLES[service] ?? []) {
          const rows = await sql.query<{ row: unknown }>(
            `select to_jsonb(t) - 'document' as row from ${table} t`,
          );
          for (const row of rows.rows) check(`${service} ${table}`, stringsIn(row.row));
          expect(rows.rows.length).toBeGreaterThan(0);
        }
        expect(documents.rows.length).toBeGreaterThan(0);
        expect(events.rows.length).toBeGreaterThan(0);
      } finally {
        await sql.close();
      }
    }
    await database.close();
    console.log(
      `spelling: ${checked} strings checked in all; values met: ${[...seen].sort().join(' ')}`,
    );
    expect(found).toEqual([]);
    // The demo holds these values, so every kind of source was read where they live.
    for (const value of [
      'in_progress',
      'under_review',
      'meets_standards',
      'master_class',
      'OFFICIAL_SENSITIVE',
      'not_required',
      'micro_place',
    ])
      expect([...seen]).toContain(value);
  }, 120_000);
});
