// The leak test's generator and oracles, without a running platform: the walk covers the whole
// composed graph, a field added tomorrow included, and every query it builds passes the gateway's
// own validation and limits.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayRoot } from '@ebp/gateway';
import { graphqlLimits } from '@ebp/platform';
import { parse, validate } from 'graphql';
import {
  countsIn,
  errorKeys,
  markersIn,
  normalised,
  pathsShowing,
  valuesAtEnd,
} from './leak-checks';
import { JSON_REFERENCES } from './leak-scenario';
import {
  loadComposedGraph,
  nulledBy,
  operationFor,
  projectPaths,
  projection,
  referenceListFields,
  writeOperation,
  writeReferences,
} from './schema-paths';

const supergraph = readFileSync(join(gatewayRoot, 'supergraph.graphql'), 'utf8');

/** The supergraph with fields added to a type, as a subgraph's next release might. */
function withFields(type: string, fields: string): string {
  const start = supergraph.indexOf(`\ntype ${type}\n`);
  const body = supergraph.indexOf('{\n', start) + 2;
  return `${supergraph.slice(0, body)}${fields}\n${supergraph.slice(body)}`;
}

describe('the leak test’s paths, generated from the supergraph', () => {
  const graph = loadComposedGraph(supergraph);
  const paths = projectPaths(graph);

  it('reaches a project from every service that holds a reference, within the depth limit', () => {
    const holders = new Set(
      paths.filter((path) => path.target !== 'opaque').flatMap((path) => path.holders),
    );
    expect([...holders].sort()).toEqual(graph.services);
    expect(graph.services).toEqual(['community', 'dissemination', 'partners', 'register']);
    expect(paths.every((path) => path.depth <= 10)).toBe(true);
    const keys = paths.map((path) => path.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'Query.researchProject',
        'Query.person > Person.projects > Involvement.project',
        'Query.organisation > Organisation.collaborations > Collaboration.project',
        'Query.awardRound > AwardRound.nominations > AwardNomination.projectIds',
        'Query.libraryItem > LibraryItem.projectIds',
        'Query.researchProject > ResearchProject.publications > LibraryItem.projectIds',
      ]),
    );
    // The federation machinery is not part of the API.
    expect(keys.some((key) => /_entities|_service/.test(key))).toBe(false);
  });

  it('builds queries that the gateway accepts, alone and merged by root field', () => {
    const rules = [...graphqlLimits()];
    for (const path of paths)
      for (const mode of ['full', 'minimal'] as const)
        expect([path.key, validate(graph.schema, parse(path.query(mode)), rules)]).toEqual([
          path.key,
          [],
        ]);
    const roots = new Set(paths.map((path) => path.steps[0]!.field));
    for (const root of roots) {
      const merged = operationFor(
        graph.schema,
        paths.filter((path) => path.steps[0]!.field === root),
        'full',
      );
      expect([root, validate(graph.schema, parse(merged), rules)]).toEqual([root, []]);
    }
  });

  it('asks at the end of a path for every scalar of the project, and beside it for roles and dates', () => {
    const path = paths.find(
      (candidate) =>
        candidate.key ===
        'Query.organisation > Organisation.collaborations > Collaboration.project',
    )!;
    const query = path.query('full');
    expect(query).toContain('organisation(id: $s0_organisation_id)');
    expect(query).toMatch(/collaborations \{[^{]*\brole\b[^{]*\bfrom\b/);
    expect(query).toMatch(/project \{[^}]*\btitle\b[^}]*\bsummary\b[^}]*\bplannedStart\b/);
    expect(path.holders).toEqual(['partners']);
    expect(path.query('minimal')).toMatch(/project \{ id title \}/);
  });

  it('covers a field added to the graph without being edited', () => {
    const grown = loadComposedGraph(
      withFields('Organisation', '  sponsoredProjects: [ResearchProject!]!').replace(
        /(\ntype Engagement\n[^{]*\{\n)/,
        '$1  projectIds: [ID!]!\n',
      ),
    );
    const keys = projectPaths(grown).map((path) => path.key);
    expect(keys).toContain('Query.organisation > Organisation.sponsoredProjects');
    expect(keys).toContain('Query.engagements > Engagement.projectIds');
    expect(projectPaths(grown).length).toBeGreaterThan(paths.length);
    expect(referenceListFields(grown).has('sponsoredProjects')).toBe(true);
  });

  it('finds the writes that name a project or an organisation', () => {
    const found = writeReferences(graph, JSON_REFERENCES).map(
      (reference) => `${reference.mutation}:${reference.at.join('.')}:${reference.kind}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'joinProject:projectId:project',
        'nominateForAward:projectIds:project',
        'applyToFund:application.projectId:project',
        'startCollaboration:collaboration.projectId:project',
        'startCollaboration:collaboration.partner.id:organisation',
        'issueWebhookSecret:organisationId:organisation',
        'submitProject:id:project',
      ]),
    );
    expect(writeOperation(graph, 'joinProject').query).toBe(
      'mutation LeakWrite($personId: ID!, $projectId: ID!, $role: InvolvementRole!) { joinProject(personId: $personId, projectId: $projectId, role: $role) { __typename personId projectId involvement { __typename role from status endedOn endReason } } }',
    );
  });
});

describe('the leak test’s oracles', () => {
  const graph = loadComposedGraph(supergraph);
  const paths = projectPaths(graph);
  const path = (key: string) => paths.find((candidate) => candidate.key === key)!;

  it('finds what only the hidden project has, and compares two answers but for the ids', () => {
    const markers = { id: 'p-hidden', values: ['Operation Nightjar'] };
    expect(markersIn({ data: { a: ['p-hidden'] } }, markers)).toEqual(['p-hidden']);
    expect(markersIn({ data: { a: ['p-hidden'] } }, markers, false)).toEqual([]);
    expect(markersIn({ errors: [{ message: 'Operation Nightjar is hidden' }] }, markers)).toEqual([
      'Operation Nightjar',
    ]);
    expect(normalised({ m: 'No project p-hidden' }, { 'p-hidden': '<project>' })).toEqual(
      normalised({ m: 'No project p-none' }, { 'p-none': '<project>' }),
    );
    expect(
      errorKeys({
        errors: [{ message: 'x', path: ['a', 0, 'b'], extensions: { code: 'C' } }],
      }),
    ).toEqual(['C at a.*.b']);
  });

  it('counts totals and the length of reference lists, keyed by item id', () => {
    const counts = countsIn(
      {
        researchProjects: { total: 3, items: [{ id: 'p1' }] },
        person: { projects: [{ project: { id: 'p1' } }, { project: { id: 'p2' } }] },
      },
      referenceListFields(graph),
    );
    expect(Object.fromEntries(counts)).toEqual({
      '.researchProjects.total': 3,
      '.researchProjects.items.length': 1,
      '.person.projects.length': 2,
    });
  });

  it('reads one path’s part of a merged answer, and knows which paths an error hides', () => {
    const team = path('Query.person > Person.projects > Involvement.project');
    const trail = path('Query.person > Person.auditTrail > CommunityAuditEntry.data');
    const merged = {
      data: { person: null },
      errors: [
        { message: 'No', path: ['person', 'auditTrail'], extensions: { code: 'FORBIDDEN' } },
      ],
    };
    // auditTrail is a non-null list: its failure nulls the person, and every path through it.
    expect(nulledBy(graph.schema, ['person', 'auditTrail'])).toEqual(['person']);
    expect(projection(graph.schema, trail, 'full', merged).errors).toHaveLength(1);
    expect(projection(graph.schema, team, 'full', merged).errors).toHaveLength(0);
    const answer = {
      data: {
        person: {
          id: 'x',
          auditTrail: [{ data: {} }],
          projects: [{ role: 'lead', project: { id: 'p1', title: 'T' } }],
        },
      },
    };
    expect(projection(graph.schema, team, 'minimal', answer).data).toEqual({
      person: { id: 'x', projects: [{ project: { id: 'p1', title: 'T' } }] },
    });
    expect(valuesAtEnd(team, answer.data)).toEqual([{ id: 'p1', title: 'T' }]);
  });

  it('tells which paths lead to a project, by what they end at rather than what is beside them', () => {
    const team = path('Query.person > Person.projects > Involvement.project');
    const collaborations = path(
      'Query.organisation > Organisation.collaborations > Collaboration.project',
    );
    const answers = [
      {
        path: team,
        responses: [
          { data: { person: { id: 'p-hidden-lead', projects: [{ project: { id: 'p-seen' } }] } } },
          undefined,
        ],
      },
      {
        path: collaborations,
        responses: [
          { errors: [{ message: 'Failed' }] },
          { data: { organisation: { collaborations: [{ project: null, role: 'p-hidden' }] } } },
        ],
      },
    ];
    expect([...pathsShowing(answers, { id: 'p-seen', values: [] })]).toEqual([team.key]);
    // Beside the path (an id of the person, a role) is not at its end.
    expect([...pathsShowing(answers, { id: 'p-hidden', values: [] })]).toEqual([]);
  });
});
