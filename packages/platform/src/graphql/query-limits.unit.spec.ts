import { buildSchema, parse, specifiedRules, validate, visit, type DocumentNode } from 'graphql';
import { DEFAULT_GRAPHQL_LIMITS, graphqlLimits, QUERY_TOO_COMPLEX } from './query-limits';
import { subgraphOptions } from './subgraph-options';

const schema = buildSchema(/* GraphQL */ `
  type Project {
    id: ID!
    title: String!
    related(limit: Int): [Project!]!
  }
  type Query {
    projects(limit: Int): [Project!]!
    project(id: ID!): Project
    projectsById(ids: [ID!]!): [Project]!
  }
`);

function refusals(query: string | DocumentNode, limits = {}, probe?: { visit(): void }) {
  const document = typeof query === 'string' ? parse(query) : query;
  return validate(schema, document, graphqlLimits(limits, probe)).map((error) => ({
    message: error.message,
    code: error.extensions.code,
  }));
}

/** Issue 17: `levels` fragments, each spreading the next twice, stand for 2^(levels-1) fields. */
function fanOut(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, level) =>
    level === levels - 1
      ? `fragment F${level} on Query { __typename }`
      : `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`,
  );
  return `query { ...F0 } ${fragments.join(' ')}`;
}

function nodesIn(document: DocumentNode): number {
  let nodes = 0;
  visit(document, {
    enter() {
      nodes += 1;
    },
  });
  return nodes;
}

/** The limit rules' refusals of a document, and how many selections they looked at doing so. */
function measured(query: string, limits = {}) {
  const document = parse(query);
  let visits = 0;
  const found = refusals(document, limits, {
    visit() {
      visits += 1;
    },
  });
  return { refusals: found, visits, nodes: nodesIn(document) };
}

describe('GraphQL query limits', () => {
  it('accepts an ordinary query', () => {
    expect(refusals('{ projects(limit: 20) { id title related(limit: 3) { id } } }')).toEqual([]);
  });

  it('refuses a query nested deeper than the limit, counting through fragments', () => {
    const query = `
      query { project(id: "1") { ...deep } }
      fragment deep on Project { related { related { related { id } } } }`;
    expect(refusals(query, { maxDepth: 4 })).toEqual([
      { message: 'The query is 5 levels deep; the limit is 4', code: QUERY_TOO_COMPLEX },
    ]);
    expect(refusals(query, { maxDepth: 5 })).toEqual([]);
  });

  it('refuses too many aliases, including aliases repeated by a list', () => {
    const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: title`).join(' ');
    expect(refusals(`{ project(id: "1") { ${aliases} } }`)).toEqual([
      { message: 'The query uses 16 aliases; the limit is 15', code: QUERY_TOO_COMPLEX },
    ]);
    expect(refusals('{ projects(limit: 10) { a: id b: title } }', { maxAliases: 19 })).toEqual([
      { message: 'The query uses 20 aliases; the limit is 19', code: QUERY_TOO_COMPLEX },
    ]);
  });

  it('estimates cost from page sizes, and counts a page size from a variable as the largest page', () => {
    // 1 (projects) + 100 × (1 id + 1 related + 50 × 1 id) = 5,201
    const query = '{ projects(limit: 100) { id related(limit: 50) { id } } }';
    expect(refusals(query, { maxCost: 5_201 })).toEqual([]);
    expect(refusals(query, { maxCost: 5_200 })).toEqual([
      { message: "The query's estimated cost is 5201; the limit is 5200", code: QUERY_TOO_COMPLEX },
    ]);
    expect(
      refusals('query($n: Int) { projects(limit: $n) { id title } }', { maxCost: 400 }),
    ).toEqual([
      { message: "The query's estimated cost is 401; the limit is 400", code: QUERY_TOO_COMPLEX },
    ]);
  });

  it('counts a read by ids as one item per id, and ids from a variable as the longest list', () => {
    // 1 + 3 × (1 id + 1 related + 50 × 1 id) = 157: three projects cost three times one.
    const three = '{ projectsById(ids: ["a", "b", "c"]) { id related(limit: 50) { id } } }';
    const one = '{ project(id: "a") { id related(limit: 50) { id } } }';
    expect(refusals(three, { maxCost: 157 })).toEqual([]);
    expect(refusals(three, { maxCost: 156 })).toEqual([
      { message: "The query's estimated cost is 157; the limit is 156", code: QUERY_TOO_COMPLEX },
    ]);
    expect(refusals(one, { maxCost: 53 })).toEqual([]);
    expect(
      refusals('query($ids: [ID!]!) { projectsById(ids: $ids) { id title } }', { maxCost: 200 }),
    ).toEqual([
      { message: "The query's estimated cost is 201; the limit is 200", code: QUERY_TOO_COMPLEX },
    ]);
  });

  describe('work linear in the document (issue 17)', () => {
    it.each([10, 20, 26, 30, 40])(
      'looks at each selection of a %i-level fragment fan-out a bounded number of times',
      (levels) => {
        const { visits, nodes } = measured(fanOut(levels));
        // Once to count the spreads, once to measure: never once per expansion (2^levels).
        expect(visits).toBeGreaterThan(0);
        expect(visits).toBeLessThanOrEqual(2 * nodes);
      },
    );

    it('accepts a 10-level fan-out and refuses deeper ones on their estimated cost', () => {
      expect(measured(fanOut(10)).refusals).toEqual([]);
      expect(measured(fanOut(20)).refusals).toEqual([
        {
          message: "The query's estimated cost is 524288; the limit is 20000",
          code: QUERY_TOO_COMPLEX,
        },
      ]);
      for (const [levels, cost] of [
        [26, 2 ** 25],
        [30, 2 ** 29],
        [40, 2 ** 39],
      ] as const) {
        expect(measured(fanOut(levels)).refusals).toEqual([
          {
            message: `The query's estimated cost is ${cost}; the limit is 20000`,
            code: QUERY_TOO_COMPLEX,
          },
        ]);
      }
    });

    it('refuses a document with more fragment spreads than the limit before measuring it', () => {
      // 101 levels: 201 spreads, one over the default limit of 200.
      expect(DEFAULT_GRAPHQL_LIMITS.maxFragmentSpreads).toBe(200);
      const { refusals: found, visits, nodes } = measured(fanOut(101));
      expect(found).toEqual([
        {
          message: 'The query spreads fragments 201 times; the limit is 200',
          code: QUERY_TOO_COMPLEX,
        },
      ]);
      expect(visits).toBeLessThanOrEqual(nodes);
      expect(measured(fanOut(26), { maxFragmentSpreads: 50 }).refusals).toEqual([
        {
          message: 'The query spreads fragments 51 times; the limit is 50',
          code: QUERY_TOO_COMPLEX,
        },
      ]);
    });

    it('saturates counts instead of overflowing to Infinity or NaN', () => {
      // 1,000 levels of fan-out under a lifted spread limit: 2^999 is past any safe integer.
      const {
        refusals: found,
        visits,
        nodes,
      } = measured(fanOut(1_000), {
        maxFragmentSpreads: 10_000,
      });
      expect(found).toEqual([
        {
          message: `The query's estimated cost is at least ${Number.MAX_SAFE_INTEGER}; the limit is 20000`,
          code: QUERY_TOO_COMPLEX,
        },
      ]);
      expect(visits).toBeLessThanOrEqual(2 * nodes);
      // A page size past Infinity times a leaf that costs nothing more is not NaN (which no
      // comparison would refuse).
      const huge = '9'.repeat(400);
      expect(refusals(`{ projects(limit: ${huge}) { a: id b: id } }`)).toEqual([
        {
          message: `The query uses at least ${Number.MAX_SAFE_INTEGER} aliases; the limit is 15`,
          code: QUERY_TOO_COMPLEX,
        },
        {
          message: `The query's estimated cost is at least ${Number.MAX_SAFE_INTEGER}; the limit is 20000`,
          code: QUERY_TOO_COMPLEX,
        },
      ]);
    });

    it('measures each fragment once and still counts every spread of it', () => {
      const query = `
        query { projects(limit: 10) { ...card related(limit: 2) { ...card } } }
        fragment card on Project { id a: title related { ...leaf } }
        fragment leaf on Project { id }`;
      // card = id + title + related(1 + id) = 4, one alias.
      // projects = 1 + 10 × (4 + related(1 + 2 × 4)) = 131; aliases 10 × (1 + 2 × 1) = 30.
      expect(refusals(query, { maxCost: 130, maxAliases: 30 })).toEqual([
        { message: "The query's estimated cost is 131; the limit is 130", code: QUERY_TOO_COMPLEX },
      ]);
      expect(refusals(query, { maxDepth: 3, maxAliases: 30 })).toEqual([
        { message: 'The query is 4 levels deep; the limit is 3', code: QUERY_TOO_COMPLEX },
      ]);
      // The same measures as the query with its fragments written out.
      const inlined = `{ projects(limit: 10) {
        id a: title related { id }
        related(limit: 2) { id a: title related { id } } } }`;
      const tight = { maxCost: 130, maxAliases: 29, maxDepth: 3 };
      expect(refusals(query, tight)).toEqual(refusals(inlined, tight));
      expect(refusals(query, tight)).toHaveLength(3);
    });

    it('ends on fragment cycles, leaving them to GraphQL’s own rule', () => {
      const query = `
        query { project(id: "1") { ...a } }
        fragment a on Project { id related { ...b } }
        fragment b on Project { title related { ...a ...b } }`;
      const { refusals: found, visits, nodes } = measured(query);
      expect(found).toEqual([]);
      expect(visits).toBeLessThanOrEqual(2 * nodes);
      const all = validate(schema, parse(query), [...specifiedRules, ...graphqlLimits()]);
      expect(all.map((error) => error.message)).toEqual([
        'Cannot spread fragment "a" within itself via "b".',
        'Cannot spread fragment "b" within itself.',
      ]);
    });

    it('is what every subgraph installs, as the gateway does', () => {
      const rules = subgraphOptions({ typeDefs: 'type Query { ok: Boolean }' }).validationRules;
      const errors = validate(schema, parse(fanOut(40)), rules);
      expect(errors.map((error) => error.extensions.code)).toEqual([QUERY_TOO_COMPLEX]);
    });
  });
});
