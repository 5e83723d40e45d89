// Need-to-know across services (issue 17), through the dissemination subgraph over HTTP: the
// library's references to the register's projects follow the register's audience of each project,
// fed as the register publishes it (here, events appended to the store read as its feed).
import { randomUUID } from 'node:crypto';
import { SqlDocumentStore, SqlEventStore, type EventStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets, testEvent, waitFor } from '@ebp/eventing/testing';
import { DEMO_USERS, signIdentity, type Identity } from '@ebp/platform';
import { startDisseminationServer, type RunningDissemination } from './dissemination-server';

const [sqlTarget] = sqlTargets();
const SECRET = 'a-test-secret-for-the-dissemination-subgraph-only';
const KIM: Identity = {
  actor: { kind: 'person', id: 'person-kim' },
  name: 'Kim (cleared, on the covert project’s need-to-know)',
  roles: ['researcher'],
  clearances: ['OFFICIAL', 'OFFICIAL_SENSITIVE'],
};
const users = { ...DEMO_USERS, kim: KIM } as Record<string, Identity>;
const emmie = { evidence: 'moderate', quality: 'moderate' };

interface GraphResult<Data> {
  data?: Data;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe(`references to register projects in the library (${sqlTarget!.name})`, () => {
  let sql: SqlClient;
  let registerSql: SqlClient;
  let registerStore: EventStore;
  let running: RunningDissemination;
  const run = randomUUID().slice(0, 8);
  const covert = `p-covert-${run}`;
  const open = `p-open-${run}`;
  const revisions = new Map<string, number>();

  beforeAll(async () => {
    sql = await sqlTarget!.create();
    registerSql = await sqlTarget!.create();
    registerStore = await SqlEventStore.open(registerSql);
    running = await startDisseminationServer({
      sql,
      documents: await SqlDocumentStore.open(sql),
      registerEvents: { kind: 'store', store: registerStore },
      identitySecret: SECRET,
      pollIntervalMs: 50,
      // The platform's public origin (EBP_PUBLIC_URL): links in the feed point there.
      publicUrl: 'https://ebp.met.example/',
    });
  }, 120_000);

  afterAll(async () => {
    await running.stop();
    await sql.close();
    await registerSql.close();
  });

  async function graphql<Data>(
    user: string,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphResult<Data>> {
    const response = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signIdentity(users[user]!, SECRET) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphResult<Data>;
  }

  async function must<Data>(user: string, query: string, variables: Record<string, unknown> = {}) {
    const result = await graphql<Data>(user, query, variables);
    if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
    return result.data!;
  }

  /** The register's event on a project's stream, as it appends it. */
  const registerEvent = (projectId: string, type: string, data: unknown) =>
    registerStore.append(`project:${projectId}`, [testEvent({ type, data: data as never })], {
      expectedVersion: 'any',
    });

  /** The project's whole audience, as the register publishes it when it changes. */
  async function audience(
    projectId: string,
    classification: 'OFFICIAL' | 'OFFICIAL_SENSITIVE',
    readers: string[],
  ) {
    const revision = (revisions.get(projectId) ?? 0) + 1;
    revisions.set(projectId, revision);
    await registerEvent(projectId, 'register.project.audience-changed', {
      entityId: projectId,
      classification,
      readers,
      revision,
    });
  }

  async function proposeAndComplete(
    projectId: string,
    title: string,
    classification: 'OFFICIAL' | 'OFFICIAL_SENSITIVE',
  ) {
    await registerEvent(projectId, 'register.project.proposed', {
      projectId,
      proposedBy: 'person-sam',
      proposal: {
        title,
        summary: 'Do visits to the homes of vulnerable people stop dealers taking them over?',
        researchQuestions: ['Do visits deter cuckooing?'],
        ebpLevel: 'tactical',
        priorityIds: [],
        design: 'Before and after with matched comparison addresses',
        methods: ['quasi-experimental'],
        plannedSmsLevel: 3,
        ebpMatrix: { target: 'individual', proactivity: 'proactive', specificity: 'focused' },
        plannedStart: '2026-01-05',
        plannedEnd: '2026-12-18',
        owningUnit: 'Specialist Crime',
        leadId: 'person-sam',
        ethics: { status: 'not_required', reason: 'Uses only recorded crime counts.' },
        classification,
        ...(classification === 'OFFICIAL_SENSITIVE' ? { needToKnow: ['person-kim'] } : {}),
        outcomes: { primary: [{ name: 'Cuckooing', measure: 'Homes taken over' }], secondary: [] },
      },
    });
    await registerEvent(projectId, 'register.project.completed', {
      by: 'person-sam',
      findings: {
        summary: 'Homes visited were taken over less often than matched comparison homes.',
        effectDirection: 'positive',
        achievedSmsLevel: 3,
        emmie: {
          effect: emmie,
          mechanism: emmie,
          moderators: emmie,
          implementation: emmie,
          economicCost: emmie,
        },
        reportedOutcomes: [{ name: 'Cuckooing', primary: true, result: '30% fewer' }],
      },
      outcomeSwitching: null,
    });
  }

  const DIMENSION = '{ evidence quality }';
  const CONTENT = `{ kind title summary body year evidence { smsLevel emmie { effect ${DIMENSION}
    mechanism ${DIMENSION} moderators ${DIMENSION} implementation ${DIMENSION}
    economicCost ${DIMENSION} } effectDirection ebpLevel } tags { crimeProblems interventions
    populations settings } projectIds doi url classification needToKnow }`;
  const ITEM = `query($id: ID!) { libraryItem(id: $id) { id status classification projectIds
    draft ${CONTENT} auditTrail { type data } } }`;
  interface Item {
    id: string;
    status: string;
    classification: string;
    projectIds: string[];
    draft: { projectIds: string[]; needToKnow: string[] | null } | null;
    auditTrail: { type: string; data: { content?: { projectIds: string[] } } }[];
  }
  const READER_ITEM = 'query($id: ID!) { libraryItem(id: $id) { id classification projectIds } }';
  const readerItem = async (user: string, id: string) =>
    (
      await must<{
        libraryItem: { id: string; classification: string; projectIds: string[] } | null;
      }>(user, READER_ITEM, { id })
    ).libraryItem;
  const DRAFT =
    'mutation($id: ID!, $c: LibraryContentInput!) { draftLibraryItem(id: $id, content: $c) { id } }';
  const REVISE =
    'mutation($id: ID!, $c: LibraryContentInput!) { reviseLibraryItem(id: $id, content: $c) { id } }';
  const PUBLISH = 'mutation($id: ID!) { publishLibraryItem(id: $id) { version } }';
  const tags = { crimeProblems: [`cuckooing ${run}`] };
  const summaryItem = (projectIds: string[]) => ({
    kind: 'evidence_summary',
    title: `Cuckooing ${run}: what supervisors need to know`,
    summary: 'What the evidence says about protecting vulnerable people from cuckooing.',
    year: 2026,
    tags,
    projectIds,
    classification: 'OFFICIAL',
  });

  /** What a caller finds about the run: search hits, total and facet, digest, publications. */
  async function found(user: string) {
    const { search } = await must<{
      search: {
        total: number;
        hits: { item: { id: string } }[];
        facets: { crimeProblem: { value: string; count: number }[]; year: { count: number }[] };
      };
    }>(
      user,
      `query($t: String!) { search(text: $t, limit: 50) { total hits { item { id } }
        facets { crimeProblem { value count } year { count } } } }`,
      { t: `cuckooing ${run}` },
    );
    const { whatWorks } = await must<{ whatWorks: { item: { id: string } }[] }>(
      user,
      'query($c: String!) { whatWorks(crimeProblem: $c) { item { id } } }',
      { c: `cuckooing ${run}` },
    );
    const { recentlyPublished } = await must<{ recentlyPublished: { id: string }[] }>(
      user,
      '{ recentlyPublished(limit: 100) { id } }',
    );
    const { myDigest } = await must<{ myDigest: { id: string }[] }>(
      user,
      'query { myDigest(since: "2020-01-01") { id } }',
    );
    const { _entities } = await must<{ _entities: { publications: { id: string }[] }[] }>(
      user,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on ResearchProject { publications { id } } } }`,
      { r: [{ __typename: 'ResearchProject', id: covert }] },
    );
    const ids = search.hits.map((hit) => hit.item.id).sort();
    expect(whatWorks.map((hit) => hit.item.id).sort()).toEqual(ids);
    const ours = (list: { id: string }[]) =>
      list
        .map((item) => item.id)
        .filter((id) => id.includes(run))
        .sort();
    return {
      total: search.total,
      ids,
      facet: search.facets.crimeProblem.find((facet) => facet.value === tags.crimeProblems[0])
        ?.count,
      years: search.facets.year.reduce((sum, facet) => sum + facet.count, 0),
      recent: ours(recentlyPublished),
      digest: ours(myDigest),
      publications: ours(_entities[0]!.publications),
    };
  }

  const reportId = `project-${covert}`;
  const summaryId = `summary-${run}`;

  it('drafts the covert project’s report and lets the committee publish it, with an editor’s summary that names the project', async () => {
    await audience(covert, 'OFFICIAL_SENSITIVE', [
      'person:person-kim',
      'person:person-sam',
      'role:admin',
      'role:committee',
    ]);
    await proposeAndComplete(
      covert,
      `Cuckooing ${run}: the covert operation`,
      'OFFICIAL_SENSITIVE',
    );
    const draft = await waitFor(
      'the completed project to become a draft',
      async () =>
        (await must<{ libraryItem: Item | null }>('cat', ITEM, { id: reportId })).libraryItem,
      (item) => item !== null,
    );
    // As sensitive as its project; the draft names nobody: the project's audience decides.
    expect(draft).toMatchObject({ classification: 'OFFICIAL_SENSITIVE', projectIds: [covert] });
    expect(draft!.draft!.needToKnow).toBeNull();
    await must('cat', REVISE, {
      id: reportId,
      c: { ...(draft!.draft as object), tags },
    });
    await must('cat', PUBLISH, { id: reportId });
    await must('cat', DRAFT, { id: summaryId, c: summaryItem([covert]) });
    await must('cat', PUBLISH, { id: summaryId });
    for (const user of ['vic', 'rob', 'kim'])
      await must(
        user,
        'mutation($s: SubscriptionInput!) { subscribe(subscription: $s) { subscription { crimeProblems } } }',
        {
          s: { crimeProblems: tags.crimeProblems },
        },
      );
  }, 60_000);

  it('labels every event that names the covert project OFFICIAL-SENSITIVE, the editor’s OFFICIAL summary’s too', async () => {
    const events = await (await SqlEventStore.open(sql)).readAll({ limit: 100_000 });
    const naming = events.filter(
      (event) => event.streamId.includes(covert) || JSON.stringify(event.data).includes(covert),
    );
    const summaryEvents = naming.filter((event) => event.streamId.endsWith(summaryId));
    expect(summaryEvents.map((event) => event.type)).toEqual([
      'dissemination.library.item-drafted',
      'dissemination.library.item-published',
    ]);
    expect(naming.length).toBeGreaterThan(summaryEvents.length);
    for (const event of naming)
      expect(`${event.type} ${event.metadata.classification}`).toBe(
        `${event.type} OFFICIAL_SENSITIVE`,
      );
  });

  it('leaves the hidden project’s items and references out for those who may not see it, and shows them to a cleared reader with need-to-know', async () => {
    // Vic (not cleared) and Rob (cleared, an editor, not on the need-to-know) find only the
    // editor's OFFICIAL summary, without its reference to the project.
    for (const user of ['vic', 'rob']) {
      expect(await readerItem(user, reportId)).toBeNull();
      expect(await readerItem(user, summaryId)).toEqual({
        id: summaryId,
        classification: 'OFFICIAL',
        projectIds: [],
      });
      expect(await found(user)).toEqual({
        total: 1,
        ids: [summaryId],
        facet: 1,
        years: 1,
        recent: [summaryId],
        digest: [summaryId],
        publications: [],
      });
    }
    // Nothing that leaves without a token carries the summary while it names a hidden project:
    // not the public page, its JSON-LD, or the Atom feed.
    const withoutToken = [
      await (await fetch(`${running.publicLibraryUrl}.json`)).text(),
      await (await fetch(running.publicLibraryUrl)).text(),
      await (await fetch(running.feedUrl)).text(),
    ];
    for (const shown of withoutToken) {
      expect(shown).not.toContain(`Cuckooing ${run}: what supervisors need to know`);
      expect(shown).not.toContain(`Cuckooing ${run}: the covert operation`);
    }
    // An editor who may not see the project finds no trace of it in lists, drafts or trails.
    const { libraryItems } = await must<{ libraryItems: { id: string }[] }>(
      'rob',
      '{ libraryItems(status: published) { id } }',
    );
    expect(libraryItems.map((item) => item.id)).toContain(summaryId);
    expect(libraryItems.map((item) => item.id)).not.toContain(reportId);
    const asEditor = (await must<{ libraryItem: Item }>('rob', ITEM, { id: summaryId }))
      .libraryItem;
    expect(asEditor.draft!.projectIds).toEqual([]);
    expect(asEditor.auditTrail.map((entry) => entry.data.content?.projectIds)).toEqual([[], []]);
    // Kim, cleared and on the project's need-to-know, finds both, and the reference.
    expect(await readerItem('kim', reportId)).toMatchObject({ projectIds: [covert] });
    expect(await readerItem('kim', summaryId)).toMatchObject({ projectIds: [covert] });
    const both = [reportId, summaryId].sort();
    expect(await found('kim')).toEqual({
      total: 2,
      ids: both,
      facet: 2,
      years: 2,
      recent: both,
      digest: both,
      publications: both,
    });
  }, 60_000);

  it('answers a write naming a hidden project exactly as one naming a project that does not exist', async () => {
    const answers = [];
    for (const projectId of [covert, `p-never-${run}`]) {
      const result = await graphql('rob', DRAFT, {
        id: `rob-${projectId}`,
        c: summaryItem([projectId]),
      });
      answers.push(result.errors?.map((error) => [error.extensions?.code, error.message]));
    }
    expect(answers[0]).toEqual([['PROJECT_NOT_FOUND', 'No such research project']]);
    expect(answers[1]).toEqual(answers[0]);
    // Revising: the same answer, whether the project is hidden or missing.
    for (const projectId of [covert, `p-never-${run}`])
      expect(
        (await graphql('rob', REVISE, { id: summaryId, c: summaryItem([projectId]) })).errors?.map(
          (error) => [error.extensions?.code, error.message],
        ),
      ).toEqual(answers[0]);
    // The ids of the library's own drafts are not for editors: they would tell a project exists.
    for (const id of [reportId, `project-p-never-${run}`])
      expect(
        (await graphql('rob', DRAFT, { id, c: summaryItem([]) })).errors?.map(
          (error) => error.extensions?.code,
        ),
      ).toEqual(['INVALID_DISSEMINATION_INPUT']);
    // An editor who may not see the project revises the summary without losing its reference.
    await must('rob', REVISE, {
      id: summaryId,
      c: {
        ...summaryItem([]),
        summary: `${summaryItem([]).summary} Revised by the Delivery Team.`,
      },
    });
    await must('rob', PUBLISH, { id: summaryId });
    expect(await readerItem('kim', summaryId)).toMatchObject({ projectIds: [covert] });
    expect(await readerItem('rob', summaryId)).toMatchObject({ projectIds: [] });
  }, 60_000);

  it('answers a post pointing to a hidden item as one pointing to no item, and labels posts as personal data', async () => {
    const network = `network-${run}`;
    await must(
      'kim',
      'mutation($id: ID!, $n: LearningNetworkInput!) { createLearningNetwork(id: $id, network: $n) { network { id } } }',
      {
        id: network,
        n: {
          name: `Cuckooing network ${run}`,
          focus: 'theme',
          theme: 'cuckooing',
          description: 'People who protect vulnerable people from cuckooing share what they learn.',
        },
      },
    );
    for (const user of ['vic', 'kim'])
      await must(user, 'mutation($id: ID!) { joinLearningNetwork(id: $id) { network { id } } }', {
        id: network,
      });
    const SHARE =
      'mutation($id: ID!, $p: LearningPostInput!) { shareLearning(networkId: $id, post: $p) { postId } }';
    const share = (user: string, itemIds: string[]) =>
      graphql<{ shareLearning: { postId: string } }>(user, SHARE, {
        id: network,
        p: { title: 'What the visits taught us', body: 'Visit within a week.', itemIds },
      });
    const refusal = async (user: string, itemId: string) =>
      (await share(user, [itemId])).errors?.map((error) => [
        error.extensions?.code,
        error.message.replace(itemId, '<item>'),
      ]);
    // Vic may not read the covert project's report: the answer an item that does not exist gets.
    expect(await refusal('vic', reportId)).toEqual([['NOT_FOUND', 'No library item <item>']]);
    expect(await refusal('vic', `missing-${run}`)).toEqual(await refusal('vic', reportId));
    // Vic may read the summary, which names the covert project (not shown to him); Kim the report.
    const posted = [
      (await share('vic', [summaryId])).data?.shareLearning.postId,
      (await share('kim', [reportId])).data?.shareLearning.postId,
      (await share('vic', [])).data?.shareLearning.postId,
    ];
    const events = await (await SqlEventStore.open(sql)).readStream(`network:${network}`);
    const labels = events
      .filter((event) => posted.includes(String(event.data.postId)))
      .map((event) => event.metadata.classification);
    // Each names its member, so their membership: personal data, as joining the network is.
    expect(labels).toEqual(['OFFICIAL_SENSITIVE', 'OFFICIAL_SENSITIVE', 'OFFICIAL_SENSITIVE']);
  }, 60_000);

  it('stops showing the project to someone removed from its need-to-know', async () => {
    await audience(covert, 'OFFICIAL_SENSITIVE', [
      'person:person-sam',
      'role:admin',
      'role:committee',
    ]);
    await waitFor(
      'the new audience to reach the library',
      () => readerItem('kim', reportId),
      (item) => item === null,
    );
    expect(await readerItem('kim', summaryId)).toMatchObject({ projectIds: [] });
    expect(await found('kim')).toMatchObject({
      total: 1,
      ids: [summaryId],
      facet: 1,
      publications: [],
      digest: [summaryId],
    });
    expect(await readerItem('sam', reportId)).toMatchObject({ projectIds: [covert] });
  }, 60_000);

  it('shows the project’s references once the register releases it as OFFICIAL', async () => {
    await audience(covert, 'OFFICIAL', ['everyone']);
    await waitFor(
      'the release to reach the library',
      () => readerItem('vic', summaryId),
      (item) => item?.projectIds.length === 1,
    );
    expect(await readerItem('vic', summaryId)).toMatchObject({ projectIds: [covert] });
    expect((await found('vic')).publications).toEqual([summaryId]);
    // The report keeps the classification it was drafted with until an editor changes it: cleared
    // readers may read it now, uncleared readers once an editor makes it OFFICIAL.
    expect(await readerItem('kim', reportId)).toMatchObject({ projectIds: [covert] });
    expect(await readerItem('vic', reportId)).toBeNull();
    const { libraryItem } = await must<{ libraryItem: Item }>('cat', ITEM, { id: reportId });
    await must('cat', REVISE, {
      id: reportId,
      c: { ...(libraryItem.draft as object), classification: 'OFFICIAL' },
    });
    await must('cat', PUBLISH, { id: reportId });
    const both = [reportId, summaryId].sort();
    expect(await found('vic')).toMatchObject({ total: 2, ids: both, facet: 2, publications: both });
  }, 60_000);

  it('takes an OFFICIAL project’s published report out of every list and the Atom feed once the register restricts the project', async () => {
    const openReport = `project-${open}`;
    await audience(open, 'OFFICIAL', ['everyone']);
    await proposeAndComplete(open, `Cuckooing ${run}: the open pilot`, 'OFFICIAL');
    const draft = await waitFor(
      'the open project to become a draft',
      async () =>
        (await must<{ libraryItem: Item | null }>('cat', ITEM, { id: openReport })).libraryItem,
      (item) => item !== null,
    );
    await must('cat', REVISE, { id: openReport, c: { ...(draft!.draft as object), tags } });
    await must('cat', PUBLISH, { id: openReport });
    const feed = async () => (await fetch(running.feedUrl)).text();
    expect(await readerItem('vic', openReport)).toMatchObject({
      classification: 'OFFICIAL',
      projectIds: [open],
    });
    expect(await feed()).toContain(`urn:ebp:library:${openReport}:v1`);
    // Its links are at the public URL, the feed's own too, never at this service's address.
    expect(running.publicFeedUrl).toBe('https://ebp.met.example/feeds/library.atom');
    expect(await feed()).toContain(
      `<link rel="alternate" href="https://ebp.met.example/library/${openReport}"/>`,
    );
    expect(await feed()).toContain(
      '<link rel="self" href="https://ebp.met.example/feeds/library.atom"/>',
    );
    expect(await found('vic')).toMatchObject({ total: 3, facet: 3 });
    expect((await found('vic')).recent).toContain(openReport);
    // The public page, without a token: what every member of staff may read (the covert project
    // was released above), and of it nothing that names a project or an item.
    const publicList = async () => {
      const response = await fetch(`${running.publicLibraryUrl}.json?limit=100`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
      const list = (await response.json()) as {
        itemListElement: { item: { name: string; '@id': string } }[];
      };
      return { text: JSON.stringify(list), names: list.itemListElement.map((e) => e.item.name) };
    };
    const listed = await publicList();
    expect(listed.names.filter((name) => name.includes(run)).sort()).toEqual([
      `Cuckooing ${run}: the covert operation`,
      `Cuckooing ${run}: the open pilot`,
      summaryItem([]).title,
    ]);
    for (const hidden of [open, covert, reportId, summaryId])
      expect(listed.text).not.toContain(hidden);
    const page = await (await fetch(running.publicLibraryUrl)).text();
    expect(page).toContain(`Cuckooing ${run}: the open pilot`);
    expect(page).toContain('https://ebp.met.example/public/library#item-');

    await audience(open, 'OFFICIAL_SENSITIVE', ['person:person-sam', 'role:committee']);
    await waitFor(
      'the restriction to reach the library',
      () => readerItem('vic', openReport),
      (item) => item === null,
    );
    expect(await found('vic')).toMatchObject({ total: 2, facet: 2 });
    expect((await found('vic')).recent).not.toContain(openReport);
    expect(await feed()).not.toContain(openReport);
    expect((await publicList()).names).not.toContain(`Cuckooing ${run}: the open pilot`);
    expect(await readerItem('sam', openReport)).toMatchObject({ projectIds: [open] });
    // Its next version may not go out OFFICIAL (to every national body) while the project is
    // restricted; OFFICIAL-SENSITIVE, it waits for a release.
    const { libraryItem } = await must<{ libraryItem: Item }>('cat', ITEM, { id: openReport });
    const next = {
      ...(libraryItem.draft as object),
      summary: 'Homes visited were taken over less.',
    };
    await must('cat', REVISE, { id: openReport, c: next });
    expect(
      (await graphql('cat', PUBLISH, { id: openReport })).errors?.map(
        (error) => error.extensions?.code,
      ),
    ).toEqual(['ILLEGAL_TRANSITION']);
    await must('cat', REVISE, {
      id: openReport,
      c: { ...next, classification: 'OFFICIAL_SENSITIVE' },
    });
    expect(await must('cat', PUBLISH, { id: openReport })).toEqual({
      publishLibraryItem: { version: 2 },
    });
    // Published OFFICIAL-SENSITIVE: never on the public page, even once the project is OFFICIAL
    // again (a cleared editor then reads it).
    await audience(open, 'OFFICIAL', ['everyone']);
    await waitFor(
      'the release to reach the library',
      () => readerItem('rob', openReport),
      (item) => item !== null,
    );
    expect((await publicList()).names).not.toContain(`Cuckooing ${run}: the open pilot`);
    expect(await (await fetch(running.publicLibraryUrl)).text()).not.toContain(
      `Cuckooing ${run}: the open pilot`,
    );
  }, 60_000);

  it('labels a course as sensitive as the items it cites and the projects they name, as they stand when it changes', async () => {
    const restricted = `p-course-${run}`;
    await audience(restricted, 'OFFICIAL_SENSITIVE', ['person:person-sam', 'role:committee']);
    const naming = `course-naming-${run}`;
    const plain = `course-plain-${run}`;
    await must('cat', DRAFT, { id: naming, c: summaryItem([restricted]) });
    await must('cat', PUBLISH, { id: naming });
    const plainContent = { ...summaryItem([]), title: `Cuckooing ${run}: a plain summary` };
    await must('cat', DRAFT, { id: plain, c: plainContent });
    await must('cat', PUBLISH, { id: plain });
    const { registerCourse } = await must<{ registerCourse: { course: { id: string } } }>(
      'cat',
      'mutation($c: CourseInput!) { registerCourse(course: $c) { course { id } } }',
      {
        c: {
          title: `Protecting vulnerable people ${run}`,
          provider: 'Met Learning and Development',
          audience: 'Neighbourhood officers',
          parts: [
            { partId: 'spotting', title: 'Spotting cuckooing' },
            { partId: 'visits', title: 'Protective visits' },
          ],
        },
      },
    );
    const courseId = registerCourse.course.id;
    const LINK =
      'mutation($id: ID!, $e: CourseEvidenceInput!) { linkCourseEvidence(courseId: $id, evidence: $e) { course { id } } }';
    await must('cat', LINK, { id: courseId, e: { partId: 'spotting', itemId: plain } });
    // The item is OFFICIAL, but it names a project that is not: the citation is that project's data.
    await must('cat', LINK, { id: courseId, e: { partId: 'visits', itemId: naming } });
    await must(
      'cat',
      'mutation($id: ID!, $p: ID!, $i: ID!, $r: String!) { unlinkCourseEvidence(courseId: $id, partId: $p, itemId: $i, reason: $r) { course { id } } }',
      { id: courseId, p: 'visits', i: naming, r: 'Superseded by the force-wide evaluation.' },
    );
    // The plain item cited before is made OFFICIAL-SENSITIVE: the course's next event follows it.
    await must('cat', REVISE, {
      id: plain,
      c: { ...plainContent, classification: 'OFFICIAL_SENSITIVE' },
    });
    await must('cat', PUBLISH, { id: plain });
    await must(
      'cat',
      'mutation($id: ID!, $r: String!) { retireCourse(id: $id, reason: $r) { course { id } } }',
      { id: courseId, r: 'Folded into the vulnerability course.' },
    );
    const events = await (await SqlEventStore.open(sql)).readStream(`course:${courseId}`);
    expect(
      events.map((event) => [
        event.type.replace('dissemination.course.', ''),
        event.metadata.classification,
      ]),
    ).toEqual([
      ['registered', 'OFFICIAL'],
      ['evidence-linked', 'OFFICIAL'],
      ['evidence-linked', 'OFFICIAL_SENSITIVE'],
      ['evidence-unlinked', 'OFFICIAL_SENSITIVE'],
      ['retired', 'OFFICIAL_SENSITIVE'],
    ]);
  }, 60_000);
});
