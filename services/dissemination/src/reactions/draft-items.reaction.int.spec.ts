import { randomUUID } from 'node:crypto';
import {
  CommandHandler,
  SqlDocumentStore,
  SqlEventStore,
  liveCollection,
  logPosition,
  type SqlClient,
  type StoredEvent,
} from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import { libraryItemDecider, libraryItemStreamId } from '../library/library-item.decider';
import {
  disseminationProjectAudiences,
  draftFromPartnerOutcome,
  draftFromRegister,
  outcomeItemId,
  projectItemId,
  type DraftingContext,
} from './draft-items.reaction';
import { registerProjects } from './register-projects';

const emmie = { evidence: 'moderate', quality: 'moderate' };
let sequence = 0;
/** Another service's event as a feed delivers it. */
function delivered(type: string, streamId: string, data: unknown): StoredEvent {
  sequence += 1;
  return {
    id: randomUUID(),
    type,
    streamId,
    streamVersion: sequence,
    position: logPosition(1n, BigInt(sequence)),
    schemaVersion: 1,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { kind: 'person', id: 'person-rae' },
      recordedAt: '2027-03-31T16:00:00.000Z',
      classification: 'OFFICIAL',
    },
  } as StoredEvent;
}

describe.each(sqlTargets())(
  'drafting library items from other services’ events, on $name',
  (target) => {
    let sql: SqlClient;
    let store: SqlEventStore;
    let documents: SqlDocumentStore;

    beforeAll(async () => {
      sql = await target.create();
      store = await SqlEventStore.open(sql);
      documents = await SqlDocumentStore.open(sql);
    });

    afterAll(async () => {
      await sql.close();
    });

    /** What the reactions read and write, as the service gives it to them. */
    const drafting = async (): Promise<DraftingContext> => ({
      projects: await liveCollection(documents, registerProjects),
      audiences: await liveCollection(documents, disseminationProjectAudiences),
      commands: new CommandHandler(store, libraryItemDecider),
    });
    /** The register's audience of a project, as it publishes it. */
    const audience = (
      projectId: string,
      classification: 'OFFICIAL' | 'OFFICIAL_SENSITIVE',
      readers: string[],
      revision = 1,
    ) =>
      delivered('register.project.audience-changed', `project:${projectId}`, {
        entityId: projectId,
        classification,
        readers,
        revision,
      });

    it('drafts one research report per completed project, from the project as amended, however often the events arrive', async () => {
      const projectId = `p-${randomUUID()}`;
      const stream = `project:${projectId}`;
      const context = await drafting();
      const proposed = delivered('register.project.proposed', stream, {
        projectId,
        proposedBy: 'person-rae',
        proposal: {
          title: 'Knife arches at transport hubs',
          summary: 'Do knife arches at stations reduce knife carrying nearby?',
          researchQuestions: ['Do arches deter carrying?'],
          ebpLevel: 'organisational',
          priorityIds: [],
          design: 'Stepped-wedge across twelve stations',
          methods: ['rct'],
          plannedSmsLevel: 4,
          ebpMatrix: { target: 'micro_place', proactivity: 'proactive', specificity: 'focused' },
          plannedStart: '2026-04-01',
          plannedEnd: '2027-03-31',
          owningUnit: 'Roads and Transport Policing',
          leadId: 'person-sam',
          ethics: {
            status: 'not_required',
            reason: 'Uses only recorded crime counts, no participants.',
          },
          classification: 'OFFICIAL_SENSITIVE',
          needToKnow: ['person-kim'],
          outcomes: {
            primary: [{ name: 'Knife crime', measure: 'Offences per week' }],
            secondary: [],
          },
        },
      });
      const amended = delivered('register.project.amended', stream, {
        by: 'person-sam',
        justification: 'The title now says where the arches stand.',
        changes: {
          title: { from: 'Knife arches at transport hubs', to: 'Knife arches at London stations' },
          methods: { from: ['rct'], to: ['Randomized controlled trials', 'Process evaluations'] },
        },
        outcomesChangedAfterApproval: false,
      });
      const completed = delivered('register.project.completed', stream, {
        by: 'person-sam',
        findings: {
          summary: 'Knife possession offences near treated stations fell by 9% against controls.',
          effectDirection: 'positive',
          achievedSmsLevel: 4,
          emmie: {
            effect: emmie,
            mechanism: emmie,
            moderators: emmie,
            implementation: emmie,
            economicCost: emmie,
          },
          reportedOutcomes: [{ name: 'Knife crime', primary: true, result: '9% fewer offences' }],
        },
        outcomeSwitching: null,
      });
      const readers = audience(projectId, 'OFFICIAL_SENSITIVE', [
        'person:person-kim',
        'person:person-rae',
        'person:person-sam',
        'role:admin',
        'role:committee',
      ]);
      for (const event of [proposed, readers, amended, completed, proposed, amended, completed])
        await draftFromRegister(event, context);
      const events = await store.readStream(libraryItemStreamId(projectItemId(projectId)));
      expect(events.map((event) => event.type)).toEqual(['dissemination.library.item-drafted']);
      expect(events[0]!.data).toMatchObject({
        source: { kind: 'project', projectId },
        content: {
          kind: 'research_report',
          title: 'Knife arches at London stations',
          year: 2027,
          evidence: { smsLevel: 4, effectDirection: 'positive', ebpLevel: 'organisational' },
          classification: 'OFFICIAL_SENSITIVE',
          projectIds: [projectId],
          // Its terms, through the vocabularies: its methods, and what its words name.
          tags: {
            methods: ['randomised controlled trial', 'process evaluation'],
            crimeProblems: ['knife crime'],
            interventions: [],
            topics: [],
            populations: [],
            settings: [],
          },
        },
      });
      // Who may read it is the project's audience when it is read: the draft keeps no copy.
      expect(events[0]!.data).not.toHaveProperty('content.needToKnow');
      expect(await (await liveCollection(documents, registerProjects)).get(projectId)).toEqual(
        expect.objectContaining({
          body: {
            projectId,
            title: 'Knife arches at London stations',
            summary: 'Do knife arches at stations reduce knife carrying nearby?',
            ebpLevel: 'organisational',
            researchQuestions: ['Do arches deter carrying?'],
            design: 'Stepped-wedge across twelve stations',
            methods: ['Randomized controlled trials', 'Process evaluations'],
            outcomes: ['Knife crime'],
          },
        }),
      );
      expect(events[0]!.metadata.causationId).toBe(completed.id);
    });

    it('ignores a completion for a project it never heard of', async () => {
      const stream = `project:unknown-${randomUUID()}`;
      expect(
        await draftFromRegister(
          delivered('register.project.completed', stream, {}),
          await drafting(),
        ),
      ).toBe('ignored');
    });

    it('drafts a partner outcome once per submission, OFFICIAL-SENSITIVE while its project is unknown', async () => {
      const submissionId = `s-${randomUUID()}`;
      const published = delivered('partners.outcome.published', `outcome:${submissionId}`, {
        submissionId,
        organisationId: 'cambridge',
        acceptedBy: 'person-rob',
        outcome: {
          projectId: 'hot-spots-lambeth',
          kind: 'publication',
          title: 'Hot spots policing in Lambeth: a replication',
          doi: '10.1177/0011128720954578',
          publishedOn: '2026-10-01',
        },
      });
      const context = await drafting();
      expect(await draftFromPartnerOutcome(published, context)).toBe('drafted');
      expect(await draftFromPartnerOutcome(published, context)).toBe('ignored');
      const events = await store.readStream(libraryItemStreamId(outcomeItemId(submissionId)));
      expect(events).toHaveLength(1);
      expect(events[0]!.data).toMatchObject({
        source: { kind: 'partner_outcome', submissionId, organisationId: 'cambridge' },
        content: {
          kind: 'partner_outcome',
          doi: '10.1177/0011128720954578',
          year: 2026,
          classification: 'OFFICIAL_SENSITIVE',
          // The project is not known yet: the summary does not name it by its id.
          summary: 'A publication reported by partner cambridge.',
        },
      });
    });

    it("drafts a partner outcome as sensitive as its project's audience says", async () => {
      const context = await drafting();
      for (const [projectId, classification] of [
        [`p-${randomUUID()}`, 'OFFICIAL'],
        [`p-${randomUUID()}`, 'OFFICIAL_SENSITIVE'],
      ] as const) {
        await draftFromRegister(
          audience(
            projectId,
            classification,
            classification === 'OFFICIAL' ? ['everyone'] : ['person:person-sam'],
          ),
          context,
        );
        const submissionId = `s-${randomUUID()}`;
        const published = delivered('partners.outcome.published', `outcome:${submissionId}`, {
          submissionId,
          organisationId: 'cambridge',
          acceptedBy: 'person-rob',
          outcome: {
            projectId,
            kind: 'publication',
            title: 'A replication of the trial',
            doi: '10.1177/0011128720954579',
            publishedOn: '2026-10-01',
          },
        });
        expect(await draftFromPartnerOutcome(published, context)).toBe('drafted');
        const [drafted] = await store.readStream(libraryItemStreamId(outcomeItemId(submissionId)));
        expect(drafted!.data).toMatchObject({
          content: { classification, projectIds: [projectId] },
        });
        expect(drafted!.data).not.toHaveProperty('content.needToKnow');
      }
    });

    it.each([
      ['keeps an https link', 'https://www.repository.cam.ac.uk/items/hot-spots', true],
      // Recorded before links had to be http or https (issue 17): still drafted, link left out.
      ['leaves out a javascript: link recorded before the rule', 'javascript:alert(1)', false],
    ])('%s of a published outcome', async (_name, url, kept) => {
      const submissionId = `s-${randomUUID()}`;
      const published = delivered('partners.outcome.published', `outcome:${submissionId}`, {
        submissionId,
        organisationId: 'cambridge',
        acceptedBy: 'person-rob',
        outcome: {
          projectId: 'hot-spots-lambeth',
          kind: 'dataset',
          title: 'Hot spots policing in Lambeth: the data',
          url,
          publishedOn: '2026-10-01',
        },
      });
      expect(await draftFromPartnerOutcome(published, await drafting())).toBe('drafted');
      const [drafted] = await store.readStream(libraryItemStreamId(outcomeItemId(submissionId)));
      const content = (drafted!.data as { content: { url?: string } }).content;
      expect(content.url).toBe(kept ? url : undefined);
    });
  },
);
