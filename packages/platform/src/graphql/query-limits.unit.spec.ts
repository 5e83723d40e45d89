import { buildSchema, parse, validate } from 'graphql';
import { graphqlLimits, QUERY_TOO_COMPLEX } from './query-limits';

const schema = buildSchema(/* GraphQL */ `
  type Project {
    id: ID!
    title: String!
    related(limit: Int): [Project!]!
  }
  type Query {
    projects(limit: Int): [Project!]!
    project(id: ID!): Project
  }
`);

function refusals(query: string, limits = {}) {
  return validate(schema, parse(query), graphqlLimits(limits)).map((error) => ({
    message: error.message,
    code: error.extensions.code,
  }));
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
});
