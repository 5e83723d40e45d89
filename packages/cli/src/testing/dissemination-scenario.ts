// The dissemination end-to-end scenario through the gateway, against either run mode: a completed
// register project becomes a library item that an editor publishes and the pipeline delivers to
// every national body (real HTTP servers), a sensitive item held until released, the Atom feed,
// search, subscriptions, and master-class attendance recorded as training by the community.
import { randomUUID } from 'node:crypto';
import { waitFor } from '@ebp/eventing/testing';
import type { GraphResponse } from '../graph-client';
import type { NationalBodies } from './national-bodies';
import { callers, staffMember, type PlatformUnderTest } from './platform-under-test';
import { completeProposedProject, proposal, proposeProject } from './register-fixtures';

const codes = (result: GraphResponse) => (result.errors ?? []).map((e) => e.extensions?.code);

interface Delivery {
  id: string;
  targetId: string;
  version: number;
  status: string;
  attempts: number;
  lastError: string | null;
  lastHttpStatus: number | null;
  reference: string | null;
}
interface Item {
  id: string;
  status: string;
  title: string;
  version: number | null;
  classification: string;
  evidence: { smsLevel: number | null; emmieEffect: string | null };
  deliveries: Delivery[];
}

const ITEM = `query($id: ID!) { libraryItem(id: $id) { id status title version classification
  evidence { smsLevel emmieEffect } deliveries { id targetId version status attempts lastError
  lastHttpStatus reference } } }`;
export const DRAFT =
  'mutation($id: ID!, $c: LibraryContentInput!) { draftLibraryItem(id: $id, content: $c) { id item { status } } }';
export const PUBLISH =
  'mutation($id: ID!) { publishLibraryItem(id: $id) { version item { id status version } } }';

/** The parts of the governance report (JSON) this scenario checks. */
interface ReportFigures {
  partners: { organisations: { total: number } };
  people: { inTalentPool: number };
  reach: {
    library: { published: number };
    deliveries: { targetId: string; acknowledged: number }[];
    masterClasses: { attendances: { key: string; count: number }[] };
  };
}

const byTarget = (deliveries: readonly Delivery[]) =>
  Object.fromEntries(deliveries.map((delivery) => [delivery.targetId, delivery]));

export function disseminationScenario(
  running: () => PlatformUnderTest,
  bodies: () => NationalBodies,
): void {
  const as = callers(running);
  const run = randomUUID().slice(0, 8);
  /** Made by the server when the scenario proposes the project. */
  let projectId = '';
  let itemId = '';
  const crimeProblem = `e2e ${run} robbery`;

  const item = async (user: string, id: string) =>
    (await (await as(user)).must<{ libraryItem: Item | null }>(ITEM, { id })).libraryItem;
  const untilDeliveries = (
    id: string,
    done: (deliveries: Record<string, Delivery>) => boolean,
    what: string,
  ) => waitFor(what, async () => byTarget((await item('cat', id))?.deliveries ?? []), done, 60_000);
  const profile = (name: string, email: string) => ({
    name,
    rankOrGrade: 'Police Constable',
    unit: 'South BCU',
    contact: { email },
    credentials: [],
    skills: [],
    topics: [],
    availability: { willing: true, hoursPerMonth: 4 },
    consent: { listedInExpertiseFinder: true, contactableByResearchers: true },
  });
  const editorItem = (title: string, overrides: Record<string, unknown> = {}) => ({
    kind: 'evidence_summary',
    title,
    summary: `${title}: what the evidence says, in two paragraphs for busy supervisors.`,
    year: 2026,
    tags: { crimeProblems: [crimeProblem] },
    classification: 'OFFICIAL',
    ...overrides,
  });

  it('drafts a library item when the register completes a project; an editor publishes it to every national body, once each, and the graph shows it', async () => {
    const rae = await as('rae');
    projectId = await proposeProject(
      rae,
      `e2e-${run}-library`,
      proposal(`Problem-solving at robbery hot spots ${run}`, 'person-rae'),
    );
    itemId = `project-${projectId}`;
    await completeProposedProject(as, projectId);

    const draft = await waitFor(
      'the completed project to become a draft library item',
      () => item('rob', itemId),
      (found) => found?.status === 'draft',
      // Distributed, this crosses Kafka and two processors: as long as deliveries may take.
      60_000,
    );
    expect(draft).toMatchObject({
      title: `Problem-solving at robbery hot spots ${run}`,
      version: null,
      evidence: { smsLevel: 3, emmieEffect: 'moderate' },
      deliveries: [],
    });
    // Publishing is an editorial decision: readers do not see drafts, and may not publish.
    expect(await item('vic', itemId)).toBeNull();
    expect(codes(await (await as('vic')).request(PUBLISH, { id: itemId }))).toEqual(['FORBIDDEN']);
    expect(await (await as('rob')).must(PUBLISH, { id: itemId })).toEqual({
      publishLibraryItem: { version: 1, item: { id: itemId, status: 'published', version: 1 } },
    });

    const key = (target: string) => `${itemId}@v1->${target}`;
    const waiting = await untilDeliveries(
      itemId,
      (deliveries) =>
        deliveries['research-map']?.status === 'acknowledged' &&
        deliveries['national-police-library']?.status === 'sent' &&
        deliveries['what-works-toolkit']?.status === 'acknowledged' &&
        deliveries['knowledge-hub']?.status === 'retrying' &&
        deliveries['knowledge-hub'].attempts >= 2,
      'three bodies to take the item while Knowledge Hub is down and retried',
    );
    expect(waiting['knowledge-hub']!.lastError).toMatch(/Knowledge Hub unreachable/);
    expect(waiting['research-map']!.reference).toMatch(/^RM-/);
    expect(bodies()['knowledge-hub'].requests).toHaveLength(0);

    await bodies()['knowledge-hub'].up();
    const delivered = await untilDeliveries(
      itemId,
      (deliveries) => deliveries['knowledge-hub']?.status === 'acknowledged',
      'Knowledge Hub to take the item once it is back',
    );
    expect(delivered['knowledge-hub']!.reference).toMatch(/^KH-/);
    for (const [target, endpoint] of Object.entries(bodies())) {
      expect([target, endpoint.requestsFor(key(target))]).toEqual([target, [expect.anything()]]);
      expect(endpoint.kept.has(key(target))).toBe(true);
    }
    // Each in its own format.
    const article = JSON.parse(bodies()['research-map'].kept.get(key('research-map'))!.body) as {
      '@type': string;
      name: string;
    };
    // The item's link is at the platform's public URL, never a service's own address.
    const itemLink = `${running().publicUrl}/library/${itemId}`;
    expect(article).toMatchObject({
      '@type': 'ScholarlyArticle',
      name: draft!.title,
      url: itemLink,
    });
    const csv = bodies()['national-police-library'].kept.get(key('national-police-library'))!;
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^item_id,version,title,summary/);
    expect(csv.body).toContain(`"${draft!.title}"`);
    const entry = bodies()['knowledge-hub'].kept.get(key('knowledge-hub'))!;
    expect(entry.body).toContain('<entry xmlns="http://www.w3.org/2005/Atom">');
    expect(entry.body).toContain(`<id>urn:ebp:library:${itemId}:v1</id>`);
    expect(entry.body).toContain(`<link rel="alternate" href="${itemLink}"/>`);

    // The register's project shows its publications through the gateway, to any member of staff.
    const { researchProject } = await (
      await as('vic')
    ).must<{
      researchProject: {
        title: string;
        publications: { id: string; version: number; deliveries: Delivery[] }[];
      };
    }>(
      'query($id: ID!) { researchProject(id: $id) { title publications { id version deliveries { targetId status } } } }',
      { id: projectId },
    );
    expect(researchProject.publications).toEqual([
      {
        id: itemId,
        version: 1,
        deliveries: [
          { targetId: 'knowledge-hub', status: 'acknowledged' },
          { targetId: 'national-police-library', status: 'sent' },
          { targetId: 'research-map', status: 'acknowledged' },
          { targetId: 'what-works-toolkit', status: 'acknowledged' },
        ],
      },
    ]);

    // Its audit trail: drafted by the register's completion, published by the editor.
    const TRAIL =
      'query($id: ID!) { libraryItem(id: $id) { auditTrail { type actorKind actorId } } }';
    expect(
      (
        await (
          await as('rob')
        ).must<{ libraryItem: { auditTrail: unknown[] } }>(TRAIL, { id: itemId })
      ).libraryItem.auditTrail,
    ).toEqual([
      { type: 'dissemination.library.item-drafted', actorKind: 'service', actorId: 'register' },
      { type: 'dissemination.library.item-published', actorKind: 'person', actorId: 'person-rob' },
    ]);
    expect(codes(await (await as('vic')).request(TRAIL, { id: itemId }))).toEqual(['FORBIDDEN']);

    // And the library's Atom feed carries it, at the platform's one origin (the gateway), with
    // links at the public URL.
    const feed = await fetch(`${running().origin}/feeds/library.atom`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await feed.text();
    expect(xml).toContain(`<id>urn:ebp:library:${itemId}:v1</id>`);
    expect(xml).toContain(`<title>${draft!.title}</title>`);
    expect(xml).toContain(`<link rel="alternate" href="${itemLink}"/>`);
    expect(xml).toContain(`<link rel="self" href="${running().publicUrl}/feeds/library.atom"/>`);
    // Every link in the feed is at the public URL, but for DOIs: none names a service's address.
    const links = [...xml.matchAll(/<link rel="(\w+)" href="([^"]*)"\/>/g)].map(
      ([, rel, href]) => ({ rel, href }),
    );
    expect(links.length).toBeGreaterThan(1);
    expect(
      links.filter(
        ({ rel, href }) =>
          !href!.startsWith(rel === 'related' ? 'https://doi.org/' : `${running().publicUrl}/`),
      ),
    ).toEqual([]);
  });

  it('shows a national body’s refusal on the delivery, and lets readers find and subscribe to the item', async () => {
    const rob = await as('rob');
    const refusedId = `e2e-${run}-no-emmie`;
    await (
      await as('vic')
    ).must(
      'mutation($s: SubscriptionInput!) { subscribe(subscription: $s) { subscription { crimeProblems } } }',
      {
        s: { crimeProblems: [crimeProblem] },
      },
    );
    await rob.must(DRAFT, { id: refusedId, c: editorItem(`Street briefings on robbery ${run}`) });
    await rob.must(PUBLISH, { id: refusedId });
    const refused = await untilDeliveries(
      refusedId,
      (deliveries) => deliveries['what-works-toolkit']?.status === 'failed',
      'the toolkit to refuse an item without an EMMIE rating',
    );
    expect(refused['what-works-toolkit']).toMatchObject({
      attempts: 1,
      lastHttpStatus: 422,
      lastError: 'HTTP 422: The toolkit takes only items with an EMMIE effect rating',
    });

    const vic = await as('vic');
    const { search } = await vic.must<{
      search: {
        total: number;
        hits: { item: { id: string } }[];
        facets: { crimeProblem: { value: string; count: number }[] };
      };
    }>(
      'query($t: String!) { search(text: $t) { total hits { item { id } } facets { crimeProblem { value count } } } }',
      { t: `street briefings robbery ${run}` },
    );
    expect(search.hits[0]?.item.id).toBe(refusedId);
    // Only this item carries the run's crime problem so far.
    expect(search.facets.crimeProblem).toContainEqual({ value: crimeProblem, count: 1 });
    const { myDigest } = await vic.must<{ myDigest: { id: string }[] }>(
      'query($since: String!) { myDigest(since: $since) { id } }',
      { since: '2026-01-01' },
    );
    expect(myDigest.map((found) => found.id)).toContain(refusedId);
  });

  it('sends an OFFICIAL-SENSITIVE item nowhere until it is released, then only where the release says', async () => {
    const cat = await as('cat');
    const sensitiveId = `e2e-${run}-sensitive`;
    const markerId = `e2e-${run}-marker`;
    await cat.must(DRAFT, {
      id: sensitiveId,
      c: editorItem(`Covert robbery tactics ${run}`, {
        classification: 'OFFICIAL_SENSITIVE',
        needToKnow: ['person-sam'],
      }),
    });
    await cat.must(PUBLISH, { id: sensitiveId });
    // Published after it: once the marker's deliveries exist, the dispatcher has passed the
    // sensitive item's publication.
    await cat.must(DRAFT, { id: markerId, c: editorItem(`Marker ${run}`) });
    await cat.must(PUBLISH, { id: markerId });
    await untilDeliveries(
      markerId,
      (deliveries) => Object.keys(deliveries).length === 4,
      'the marker to be scheduled for every body',
    );
    expect((await item('cat', sensitiveId))!.deliveries).toEqual([]);
    const reachedAnyBody = () =>
      Object.values(bodies()).some((endpoint) =>
        endpoint.requests.some((request) => request.idempotencyKey.startsWith(`${sensitiveId}@`)),
      );
    expect(reachedAnyBody()).toBe(false);
    expect(await item('vic', sensitiveId)).toBeNull();
    expect((await item('sam', sensitiveId))?.classification).toBe('OFFICIAL_SENSITIVE');

    const RELEASE =
      'mutation($id: ID!, $targets: [ID!]!) { releaseLibraryItem(id: $id, version: 1, targetIds: $targets, justification: "Cleared by the data owner for the Research Map only.") { item { releases { version targetIds } } } }';
    expect(
      codes(
        await (await as('rob')).request(RELEASE, { id: sensitiveId, targets: ['research-map'] }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(await cat.must(RELEASE, { id: sensitiveId, targets: ['research-map'] })).toEqual({
      releaseLibraryItem: { item: { releases: [{ version: 1, targetIds: ['research-map'] }] } },
    });
    const released = await untilDeliveries(
      sensitiveId,
      (deliveries) => deliveries['research-map']?.status === 'acknowledged',
      'the released item to reach the Research Map',
    );
    expect(Object.keys(released)).toEqual(['research-map']);
    for (const [target, endpoint] of Object.entries(bodies()))
      expect([
        target,
        endpoint.requests.filter((request) => request.idempotencyKey.startsWith(`${sensitiveId}@`))
          .length,
      ]).toEqual([target, target === 'research-map' ? 1 : 0]);
  });

  it('records master-class attendance as training in the person’s community record', async () => {
    const attendee = `person-${run}-attendee`;
    const waiting = `person-${run}-waiting`;
    await (
      await as('ada')
    ).must(
      'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }',
      {
        id: attendee,
        p: profile('Mo Master', `mo.${run}@met.example`),
      },
    );
    const masterClassId = `mc-${run}`;
    const startsAt = new Date(Date.now() + 4_000).toISOString();
    await (
      await as('rob')
    ).must(
      'mutation($id: ID!, $m: MasterClassInput!) { scheduleMasterClass(id: $id, masterClass: $m) { masterClass { id } } }',
      {
        id: masterClassId,
        m: {
          title: `Running a trial in a BCU ${run}`,
          kind: 'master_class',
          description: 'From power calculation to analysis, with the Cambridge team.',
          presenter: 'Professor L. Sherman',
          startsAt,
          durationMinutes: 90,
          location: 'New Scotland Yard, room 4.12',
          capacity: 1,
          topics: ['randomised trials'],
        },
      },
    );
    const REGISTER =
      'mutation($id: ID!) { registerForMasterClass(id: $id) { masterClass { myStatus placesTaken waitingCount } } }';
    const MINE =
      'query($id: ID!) { masterClass(id: $id) { myStatus placesTaken waitingCount registered { id } } }';
    expect(await (await as(staffMember(attendee))).must(REGISTER, { id: masterClassId })).toEqual({
      registerForMasterClass: {
        masterClass: { myStatus: 'registered', placesTaken: 1, waitingCount: 0 },
      },
    });
    await (await as(staffMember(waiting))).must(REGISTER, { id: masterClassId });
    expect(await (await as(staffMember(waiting))).must(MINE, { id: masterClassId })).toEqual({
      masterClass: { myStatus: 'waiting', placesTaken: 1, waitingCount: 1, registered: null },
    });
    const ATTEND =
      'mutation($id: ID!, $people: [ID!]!) { recordAttendance(id: $id, personIds: $people) { masterClass { attended { id } } } }';
    // Attendance comes after the start; before it, it is refused.
    if (Date.now() < Date.parse(startsAt))
      expect(
        codes(await (await as('rob')).request(ATTEND, { id: masterClassId, people: [attendee] })),
      ).toEqual(['ILLEGAL_TRANSITION']);
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(startsAt) - Date.now() + 100)),
    );
    expect(await (await as('rob')).must(ATTEND, { id: masterClassId, people: [attendee] })).toEqual(
      { recordAttendance: { masterClass: { attended: [{ id: attendee }] } } },
    );

    const trained = await waitFor(
      'the community to record the attendance as training',
      async () =>
        (
          await (
            await as('rob')
          ).must<{
            person: { training: { activityId: string; kind: string; attendedOn: string }[] };
          }>(
            'query($id: ID!) { person(id: $id, purpose: governance) { training { activityId kind attendedOn } } }',
            {
              id: attendee,
            },
          )
        ).person.training,
      (training) => training.some((entry) => entry.activityId === masterClassId),
      30_000,
    );
    expect(trained).toContainEqual({
      activityId: masterClassId,
      kind: 'master_class',
      attendedOn: startsAt.slice(0, 10),
    });
  });

  it('counts the partners, the people and the reach in the governance report, from the other services’ events', async () => {
    const cat = await as('cat');
    const today = new Date().toISOString().slice(0, 10);
    const report = async () =>
      JSON.parse(
        (
          await cat.must<{ governanceReport: string }>(
            'query($asOf: String!) { governanceReport(asOf: $asOf) }',
            { asOf: today },
          )
        ).governanceReport,
      ) as ReportFigures;
    const before = await report();
    await (
      await as('rae')
    ).must(
      'mutation($id: ID!, $o: OrganisationInput!) { registerOrganisation(id: $id, organisation: $o) { organisation { id } } }',
      {
        id: `org-${run}-report`,
        o: { name: `Policing Institute ${run}`, kind: 'university', expertise: [], contacts: [] },
      },
    );
    await (
      await as('ada')
    ).must(
      'mutation($id: ID!, $p: PersonProfileInput!) { registerPerson(id: $id, profile: $p) { personId } }',
      {
        id: `person-${run}-counted`,
        p: profile('Cal Counted', `cal.${run}@met.example`),
      },
    );
    const after = await waitFor(
      'the register to count the new organisation and person',
      report,
      (figures) =>
        figures.partners.organisations.total === before.partners.organisations.total + 1 &&
        figures.people.inTalentPool === before.people.inTalentPool + 1,
      30_000,
    );
    // What this scenario published, delivered and recorded has reached the report.
    expect(after.reach.library.published).toBeGreaterThan(0);
    expect(
      after.reach.deliveries.find((row) => row.targetId === 'research-map')?.acknowledged,
    ).toBeGreaterThan(0);
    expect(
      after.reach.masterClasses.attendances.find((row) => row.key === 'master_class')?.count,
    ).toBeGreaterThan(0);
  });
}
