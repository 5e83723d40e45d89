// Query limit benchmark (issue 17): how long the gateway's validation (GraphQL's own rules plus
// the depth, alias, cost and fragment-spread limits) takes to refuse fragment fan-outs, documents
// of about 1 KB whose fragments each spread the next twice, beside how long it takes to validate
// an ordinary register query against the same schema in the same run. Every figure is the median
// of interleaved iterations (parse included, as a server parses each request) and is printed as a
// ratio to the ordinary query's.
// Usage: npm run bench -w @ebp/platform   (EBP_BENCH_QUICK=1 for a tenth of the iterations)
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildSchema, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import {
  DEFAULT_GRAPHQL_LIMITS,
  graphqlLimits,
  QUERY_TOO_COMPLEX,
} from '../src/graphql/query-limits';

const quick = process.env.EBP_BENCH_QUICK === '1';
const ITERATIONS = quick ? 50 : 500;
const WARM_UP = quick ? 10 : 50;

// The register's part of the API schema, as the gateway serves it (gateway/api-schema.graphql).
const schema = buildSchema(/* GraphQL */ `
  enum ProjectStatus {
    proposed
    approved
    in_progress
    completed
    withdrawn
  }
  enum Classification {
    OFFICIAL
    OFFICIAL_SENSITIVE
  }
  input RegisterFilter {
    status: [ProjectStatus!]
    text: String
    owningUnit: String
  }
  type ResearchPriority {
    id: ID!
    title: String!
    retired: Boolean!
    projects: [ResearchProject!]!
  }
  type ProjectReview {
    reviewerId: ID!
    verdict: String!
    comments: String
  }
  type Involvement {
    personId: ID!
    role: String!
    from: String!
    to: String
  }
  type ResearchProject {
    id: ID!
    title: String!
    summary: String!
    methods: [String!]!
    owningUnit: String!
    status: ProjectStatus!
    classification: Classification!
    plannedSmsLevel: Int!
    plannedStart: String!
    plannedEnd: String!
    leadId: ID!
    version: Int!
    team: [Involvement!]!
    priorities: [ResearchPriority!]!
    reviews: [ProjectReview!]!
  }
  type ProjectPage {
    items: [ResearchProject!]!
    total: Int!
  }
  type Query {
    researchProjects(filter: RegisterFilter, limit: Int, offset: Int): ProjectPage!
    researchProject(id: ID!): ResearchProject
    researchPriorities(includeRetired: Boolean): [ResearchPriority!]!
  }
`);

const ORDINARY = /* GraphQL */ `
  query RegisterList($limit: Int, $offset: Int) {
    researchProjects(
      limit: $limit
      offset: $offset
      filter: { status: [in_progress, completed, approved] }
    ) {
      total
      items {
        ...ProjectCard
        team {
          personId
          role
        }
        priorities {
          id
          title
        }
        reviews {
          reviewerId
          verdict
        }
      }
    }
  }
  fragment ProjectCard on ResearchProject {
    id
    title
    status
    owningUnit
    classification
    plannedSmsLevel
    plannedStart
    plannedEnd
  }
`;

/** Issue 17: `levels` fragments, each spreading the next twice, stand for 2^(levels-1) fields. */
function fanOut(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, level) =>
    level === levels - 1
      ? `fragment F${level} on Query { __typename }`
      : `fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`,
  );
  return `query { ...F0 } ${fragments.join(' ')}`;
}

const limitRules: readonly ValidationRule[] = graphqlLimits();
const allRules: readonly ValidationRule[] = [...specifiedRules, ...limitRules];

/** Parses and validates once; the codes of the refusals (none: valid). */
function check(query: string, rules = allRules): string[] {
  return validate(schema, parse(query), rules).map((error) => String(error.extensions.code));
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

const round = (value: number, places = 4) => Math.round(value * 10 ** places) / 10 ** places;

function main(): void {
  const cases = [
    { name: 'ordinary register list', query: ORDINARY, expected: [] as string[] },
    ...[26, 30, 40].map((levels) => ({
      name: `${levels}-level fragment fan-out`,
      query: fanOut(levels),
      expected: [QUERY_TOO_COMPLEX],
    })),
  ];
  for (const { name, query, expected } of cases) {
    const codes = check(query);
    if (JSON.stringify(codes) !== JSON.stringify(expected))
      throw new Error(
        `${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(codes)}`,
      );
  }
  const samples = cases.map(() => [] as number[]);
  const limitsOnly = cases.map(() => [] as number[]);
  const time = (query: string, rules: readonly ValidationRule[]) => {
    const started = process.hrtime.bigint();
    check(query, rules);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (let iteration = 0; iteration < WARM_UP + ITERATIONS; iteration += 1) {
    // Interleaved: every case sees the same machine state.
    cases.forEach(({ query }, index) => {
      const all = time(query, allRules);
      const limits = time(query, limitRules);
      if (iteration < WARM_UP) return;
      samples[index]?.push(all);
      limitsOnly[index]?.push(limits);
    });
  }
  const baseline = median(samples[0] ?? []);
  const rows = cases.map(({ name, query }, index) => {
    const medianMs = median(samples[index] ?? []);
    return {
      case: name,
      bytes: Buffer.byteLength(query),
      outcome: index === 0 ? 'valid' : QUERY_TOO_COMPLEX,
      medianMs: round(medianMs),
      ratio: round(medianMs / baseline, 2),
      // Parse plus the limit rules alone: their share of the work.
      limitRulesMedianMs: round(median(limitsOnly[index] ?? [])),
    };
  });
  const setup = {
    date: new Date().toISOString(),
    what: 'parse + validate (GraphQL specified rules + platform query limits), in process',
    schema: "the register's part of the API schema",
    limits: DEFAULT_GRAPHQL_LIMITS,
    iterations: ITERATIONS,
    warmUp: WARM_UP,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
  process.stdout.write(`Setup: ${JSON.stringify(setup, null, 2)}\n\n`);
  process.stdout.write(
    `${'case'.padEnd(28)} ${'bytes'.padStart(6)}  ${'outcome'.padEnd(17)} ${'median ms'.padStart(10)}  ${'/ ordinary'.padStart(10)}  ${'parse + limits only ms'.padStart(22)}\n`,
  );
  for (const row of rows) {
    process.stdout.write(
      `${row.case.padEnd(28)} ${String(row.bytes).padStart(6)}  ${row.outcome.padEnd(17)} ${row.medianMs.toFixed(4).padStart(10)}  ${`${row.ratio.toFixed(2)}x`.padStart(10)}  ${row.limitRulesMedianMs.toFixed(4).padStart(22)}\n`,
    );
  }
  const folder = join(__dirname, 'results');
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `query-limits-${setup.date.slice(0, 10)}${quick ? '-quick' : ''}.json`);
  writeFileSync(file, `${JSON.stringify({ setup, rows }, null, 2)}\n`);
  process.stdout.write(`\nwrote ${file}\n`);
}

try {
  main();
} catch (error: unknown) {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
