// Need-to-know across the graph, in the partners' use cases: a reference to a register project
// the caller may not see is left out of every list; a write naming one gets the answer a project
// that does not exist gets; every write names organisations and academics that exist. The
// register's audiences arrive as they do in all-in-one: appended to its store, followed from it.
import { NO_SUCH_PROJECT, ProjectNotFound, readerKey } from '@ebp/access';
import { SqlDocumentStore, type SqlClient } from '@ebp/eventing';
import { sqlTargets } from '@ebp/eventing/testing';
import type { Identity } from '@ebp/platform';
import {
  READERS,
  registerAudienceFeed,
  type RegisterAudienceFeed,
} from '../access/project-audience.fixtures';
import { outcomeStreamId } from '../feeds/outcome-intake';
import { PartnerNotFound } from '../partners-errors';
import { projectNamedIn } from '../projections/partners-read-models';
import { openPartnersStores, type OpenedPartnersStores } from '../partners-stores';
import { PartnersApplication } from './partners-application';

const person = (id: string, roles: Identity['roles'], cleared = false): Identity => ({
  actor: { kind: 'person', id },
  name: id,
  roles,
  clearances: cleared ? ['OFFICIAL', 'OFFICIAL_SENSITIVE'] : ['OFFICIAL'],
});
const ada = person('person-ada', ['admin'], true);
const cat = person('person-cat', ['committee'], true);
const rae = person('person-rae', ['researcher']);
/** Cleared, and named as needing to know on the sensitive projects. */
const sam = person('person-sam', ['researcher'], true);
/** Cleared, but with no need to know. */
const kim = person('person-kim', ['researcher'], true);
const rob = person('person-rob', ['reviewer'], true);
const vic = person('person-vic', ['viewer']);
/** An administrator without OFFICIAL-SENSITIVE clearance. */
const ula = person('person-ula', ['admin']);
const partnerOf = (organisationId: string): Identity => ({
  actor: { kind: 'partner', id: organisationId },
  name: organisationId,
  roles: ['partner'],
  clearances: ['OFFICIAL'],
});

/** What a caller is told: compared whole, so hidden and missing must match to the letter. */
async function refusal(attempt: Promise<unknown>) {
  const error = (await attempt.then(
    () => undefined,
    (caught: unknown) => caught,
  )) as (Error & { code?: string }) | undefined;
  if (!error) throw new Error('expected a refusal');
  return { type: error.constructor.name, code: error.code, message: error.message };
}

describe.each(sqlTargets())(
  'partners application: references to register projects on $name',
  (target) => {
    let sql: SqlClient;
    let registerSql: SqlClient;
    let stores: OpenedPartnersStores;
    let register: RegisterAudienceFeed;
    let app: PartnersApplication;
    const run = Math.random().toString(36).slice(2, 8);
    const n8 = `n8-${run}`;
    const cambridge = `cambridge-${run}`;
    const academic = `tilley-${run}`;
    /** OFFICIAL, and the register lists N8 among its readers (its collaborator). */
    const open = `open-${run}`;
    /** OFFICIAL-SENSITIVE: Sam, the committee and administrators. */
    const secret = `secret-${run}`;
    /** OFFICIAL-SENSITIVE until the register releases it as OFFICIAL. */
    const later = `later-${run}`;
    /** OFFICIAL-SENSITIVE, with N8 among its readers (it reports outcomes on it). */
    const shared = `shared-${run}`;
    const neverProposed = `never-proposed-${run}`;
    const collaboration = (projectId: string, kind: 'organisation' | 'academic', id: string) => ({
      projectId,
      partner: { kind, id },
      role: 'evaluator',
      from: '2026-04-01',
    });
    const outcome = (projectId: string, title = 'Stop and search and trust: findings') => ({
      projectId,
      kind: 'findings',
      title,
      summary: 'Trust rose where officers explained the grounds for a search.',
      publishedOn: '2026-09-01',
    });
    let submitted = 0;
    const submit = async (organisationId: string, body: unknown) => {
      const submissionId = `${organisationId}.msg-${++submitted}`;
      const result = await app.intake.receive({
        organisationId,
        channel: 'webhook',
        submissionId,
        itemId: `webhook:${organisationId}:msg-${submitted}`,
        raw: JSON.stringify(body),
      });
      await stores.catchUp();
      return { submissionId, result };
    };
    const projectsIn = (entries: readonly { projectId: string }[]) =>
      entries.map((entry) => entry.projectId).sort();

    beforeAll(async () => {
      sql = await target.create();
      registerSql = await target.create();
      stores = await openPartnersStores({
        sql,
        documents: await SqlDocumentStore.open(sql),
        now: () => new Date('2026-05-01T09:00:00Z'),
      });
      register = await registerAudienceFeed(sql, registerSql);
      app = new PartnersApplication({ ...stores, projects: register.guard });
      await register.publish(open, [...READERS.official, readerKey.partner(n8)]);
      await register.publish(secret, READERS.sensitive('person-sam'));
      await register.publish(later, READERS.sensitive('person-sam'));
      await register.publish(shared, [...READERS.sensitive('person-sam'), readerKey.partner(n8)]);

      for (const id of [n8, cambridge])
        await app.registerOrganisation(ada, id, {
          name: `Organisation ${id}`,
          kind: 'university',
          expertise: ['procedural justice'],
          contacts: [],
        });
      await app.registerAcademic(ada, academic, {
        name: 'Prof. Nick Tilley',
        expertise: ['realist evaluation'],
        affiliations: [{ organisationId: n8, from: '2015-01-01' }],
      });
      // The administrator may see every project (cleared, and the register lists its role).
      for (const projectId of [open, secret, later, shared])
        await app.startCollaboration(ada, collaboration(projectId, 'organisation', n8));
      await app.startCollaboration(ada, collaboration(secret, 'academic', academic));
    }, 120_000);

    afterAll(async () => {
      await register?.work.stop();
      await sql?.close();
      await registerSql?.close();
    });

    describe('lists', () => {
      it('leaves collaborations on a hidden project out for an uncleared reader, and for a cleared one without need-to-know', async () => {
        for (const reader of [vic, rae, kim]) {
          expect(projectsIn(await app.collaborationsOf(reader, n8))).toEqual([open]);
          expect(await app.collaborationsOf(reader, academic)).toEqual([]);
          expect(await app.partnersOf(reader, secret)).toEqual([]);
          expect(await app.partnersOf(reader, neverProposed)).toEqual([]);
          expect(projectsIn(await app.partnersOf(reader, open))).toEqual([open]);
        }
      });

      it('shows them to a cleared reader with need-to-know, and to the committee', async () => {
        for (const reader of [sam, cat]) {
          expect(projectsIn(await app.collaborationsOf(reader, n8))).toEqual(
            [later, open, secret, shared].sort(),
          );
          expect(projectsIn(await app.collaborationsOf(reader, academic))).toEqual([secret]);
          expect(
            (await app.partnersOf(reader, secret)).map((entry) => entry.partnerId).sort(),
          ).toEqual([academic, n8].sort());
        }
      });

      it('shows a partner only its own organisation’s collaborations, on the projects it may see', async () => {
        const partner = partnerOf(n8);
        expect(projectsIn(await app.collaborationsOf(partner, n8))).toEqual([open, shared].sort());
        expect(await app.collaborationsOf(partner, academic)).toEqual([]);
        expect(await app.collaborationsOf(partnerOf(cambridge), n8)).toEqual([]);
        expect(await app.partnersOf(partnerOf(cambridge), open)).toEqual([]);
        expect(await app.partnersOf(partner, secret)).toEqual([]);
      });

      it('shows a project once the register releases it (a new audience, OFFICIAL)', async () => {
        expect(projectsIn(await app.collaborationsOf(vic, n8))).not.toContain(later);
        await register.publish(later, READERS.official);
        // The follower's next run (the service polls it; a miss on a write catches it up at once).
        await register.work.catchUp();
        expect(projectsIn(await app.collaborationsOf(vic, n8))).toEqual([later, open].sort());
        expect(projectsIn(await app.partnersOf(vic, later))).toEqual([later]);
      });
    });

    describe('writes naming a project', () => {
      it('answers a hidden project exactly as one that does not exist, and records nothing', async () => {
        for (const actor of [rae, kim]) {
          const hidden = await refusal(
            app.startCollaboration(actor, collaboration(secret, 'organisation', cambridge)),
          );
          const missing = await refusal(
            app.startCollaboration(actor, collaboration(neverProposed, 'organisation', cambridge)),
          );
          expect(hidden).toEqual({
            type: ProjectNotFound.name,
            code: 'PROJECT_NOT_FOUND',
            message: NO_SUCH_PROJECT,
          });
          expect(missing).toEqual(hidden);
        }
        // Before the partner is even looked at: a missing partner on either gets the same answer.
        expect(
          await refusal(
            app.startCollaboration(rae, collaboration(secret, 'organisation', 'ghost')),
          ),
        ).toEqual(
          await refusal(
            app.startCollaboration(rae, collaboration(neverProposed, 'organisation', 'ghost')),
          ),
        );
        expect(projectsIn(await app.collaborationsOf(cat, cambridge))).toEqual([]);
        expect(await stores.store.streamVersion(`collaboration:${secret}:${cambridge}`)).toBe(0);
      });

      it('lets a cleared reader with need-to-know link a partner to the project', async () => {
        await app.startCollaboration(sam, collaboration(secret, 'organisation', cambridge));
        expect(projectsIn(await app.collaborationsOf(sam, cambridge))).toEqual([secret]);
        expect(await app.collaborationsOf(vic, cambridge)).toEqual([]);
      });

      it('finds a project the register recorded a moment ago (the guard catches up on a miss)', async () => {
        const fresh = `fresh-${run}`;
        await register.publish(fresh, READERS.official);
        await app.startCollaboration(rae, collaboration(fresh, 'organisation', cambridge));
        expect(projectsIn(await app.partnersOf(vic, fresh))).toEqual([fresh]);
      });
    });

    describe('writes naming organisations and academics', () => {
      it('refuses an agreement with an organisation that does not exist, so it is never in force', async () => {
        const agreement = {
          kind: 'data_sharing',
          title: 'Footfall counts for the evaluation',
          partyIds: [n8, 'ghost-university'],
          scope: 'Pseudonymised footfall counts, for the evaluation only.',
          startsOn: '2026-04-01',
          expiresOn: '2026-06-01',
        };
        expect(await refusal(app.signAgreement(cat, `dsa-ghost-${run}`, agreement))).toEqual({
          type: PartnerNotFound.name,
          code: 'PARTNER_NOT_FOUND',
          message: 'No organisation ghost-university',
        });
        expect(await stores.store.streamVersion(`agreement:dsa-ghost-${run}`)).toBe(0);
        await app.signAgreement(cat, `dsa-${run}`, { ...agreement, partyIds: [n8] });
        expect(
          (await app.expiring(cat, 60))
            .map((entry) => entry.agreementId)
            .filter((id) => id.endsWith(run)),
        ).toEqual([`dsa-${run}`]);
      });

      it('refuses engagements and affiliations naming organisations or academics that do not exist', async () => {
        const engagement = {
          kind: 'meeting',
          title: 'Evaluation steering group',
          on: '2026-06-01',
          organisationIds: [n8],
          academicIds: [academic],
          peopleIds: ['person-rae'],
        };
        expect(
          await refusal(
            app.recordEngagement(rae, `meeting-1-${run}`, {
              ...engagement,
              organisationIds: ['ghost-university'],
            }),
          ),
        ).toMatchObject({ code: 'PARTNER_NOT_FOUND', message: 'No organisation ghost-university' });
        expect(
          await refusal(
            app.recordEngagement(rae, `meeting-2-${run}`, {
              ...engagement,
              academicIds: ['ghost-academic'],
            }),
          ),
        ).toMatchObject({ code: 'PARTNER_NOT_FOUND', message: 'No academic ghost-academic' });
        await app.recordEngagement(rae, `meeting-3-${run}`, engagement);
        expect(
          (await app.engagementLog(rae, { organisationId: n8 })).map((e) => e.engagementId),
        ).toEqual([`meeting-3-${run}`]);
        expect(
          await refusal(
            app.registerAcademic(ada, `sherman-${run}`, {
              name: 'Prof. Lawrence Sherman',
              expertise: ['hot-spot policing'],
              affiliations: [{ organisationId: 'ghost-university', from: '2012-01-01' }],
            }),
          ),
        ).toMatchObject({ code: 'PARTNER_NOT_FOUND', message: 'No organisation ghost-university' });
        expect(await app.academic(ada, `sherman-${run}`)).toBeUndefined();
      });

      it('refuses a collaboration for a partner that does not exist, on a project the actor may see', async () => {
        expect(
          await refusal(
            app.startCollaboration(rae, collaboration(open, 'academic', 'ghost-academic')),
          ),
        ).toMatchObject({ code: 'PARTNER_NOT_FOUND', message: 'No academic ghost-academic' });
      });
    });

    describe('partner outcomes', () => {
      let onShared: string;

      it('quarantines an outcome naming a hidden or missing project with one reason, and never submits it', async () => {
        const hidden = await submit(n8, outcome(secret));
        const missing = await submit(n8, outcome(neverProposed));
        for (const { submissionId, result } of [hidden, missing]) {
          expect(result).toMatchObject({ kind: 'quarantined', reason: NO_SUCH_PROJECT });
          expect(await stores.store.streamVersion(outcomeStreamId(submissionId))).toBe(0);
        }
        // A project the partner may see but does not collaborate on is refused as before.
        await register.publish(`other-${run}`, [...READERS.official, readerKey.partner(n8)]);
        expect((await submit(n8, outcome(`other-${run}`))).result).toMatchObject({
          kind: 'refused',
          code: 'NOT_A_COLLABORATOR',
        });
        const accepted = await submit(n8, outcome(shared, 'Shared project findings'));
        expect(accepted.result).toEqual({ kind: 'accepted', submissionId: accepted.submissionId });
        onShared = accepted.submissionId;
      });

      it('leaves a submission on a project the moderator may not see out of the queue, and answers it as a missing one', async () => {
        expect((await app.moderationQueue(rob)).map((entry) => entry.submissionId)).not.toContain(
          onShared,
        );
        expect((await app.moderationQueue(cat)).map((entry) => entry.submissionId)).toContain(
          onShared,
        );
        const hidden = await refusal(app.acceptOutcome(rob, onShared));
        expect(hidden).toEqual(await refusal(app.acceptOutcome(rob, `${n8}.never-sent`)));
        expect(hidden).toMatchObject({ code: 'PARTNER_NOT_FOUND', message: 'No such submission' });
        expect(await refusal(app.rejectOutcome(rob, onShared, 'Not ours'))).toEqual(
          await refusal(app.rejectOutcome(rob, `${n8}.never-sent`, 'Not ours')),
        );
        await app.acceptOutcome(cat, onShared);
        expect((await app.publishedOutcomesOf(sam, shared)).map((e) => e.submissionId)).toEqual([
          onShared,
        ]);
        expect(await app.publishedOutcomesOf(vic, shared)).toEqual([]);
        expect(await app.publishedOutcomesOf(kim, shared)).toEqual([]);
      });

      it('shows a partner its own submissions only on projects it may still see', async () => {
        const partner = partnerOf(n8);
        expect((await app.mySubmissions(partner)).map((entry) => entry.submissionId)).toEqual([
          onShared,
        ]);
        expect((await app.publishedOutcomesOf(partner, shared)).map((e) => e.submissionId)).toEqual(
          [onShared],
        );
        // The register takes the partner off the project's readers.
        await register.publish(shared, READERS.sensitive('person-sam'));
        await register.work.catchUp();
        expect(await app.mySubmissions(partner)).toEqual([]);
        expect(await app.publishedOutcomesOf(partner, shared)).toEqual([]);
      });

      it('resubmits a quarantined outcome only for a project the administrator and the partner may see', async () => {
        const { result } = await submit(n8, '{"projectId": ');
        if (result.kind !== 'quarantined') throw new Error('expected the item to be held');
        const held = async () => (await app.quarantined(ada)).length;
        const before = await held();
        // The administrator may see the secret project, the partner may not: no such project.
        const hidden = await refusal(app.resubmit(ada, result.itemId, outcome(secret)));
        expect(hidden).toEqual({
          type: ProjectNotFound.name,
          code: 'PROJECT_NOT_FOUND',
          message: NO_SUCH_PROJECT,
        });
        expect(await refusal(app.resubmit(ada, result.itemId, outcome(neverProposed)))).toEqual(
          hidden,
        );
        // Nothing more was held, and the item waits still.
        expect(await held()).toBe(before);
        const submissionId = await app.resubmit(ada, result.itemId, outcome(open));
        expect((await app.moderationQueue(rob)).map((entry) => entry.submissionId)).toContain(
          submissionId,
        );
      });

      it('shows held input only to administrators who may see the project it is about, failing closed', async () => {
        const receiveRaw = async (raw: string) => {
          submitted += 1;
          const received = await app.intake.receive({
            organisationId: n8,
            channel: 'webhook',
            submissionId: `${n8}.raw-${submitted}`,
            itemId: `webhook:${n8}:raw-${submitted}`,
            raw,
          });
          await stores.catchUp();
          if (received.kind !== 'quarantined') throw new Error('expected the input to be held');
          return received;
        };
        // N8 may see and collaborates on the shared (OFFICIAL-SENSITIVE) project; its findings
        // break the contract, so they are held.
        const broken = JSON.stringify({ ...outcome(shared, 'Covert findings'), title: '' });
        const onShared = await receiveRaw(broken);
        expect(onShared.reason).not.toBe(NO_SUCH_PROJECT);
        // Input that cannot be attributed for certain: cut short, JSON inside a string, a
        // project that does not exist.
        const cut = await receiveRaw(broken.slice(0, -5));
        const wrapped = await receiveRaw(JSON.stringify(broken));
        const nowhere = await receiveRaw(JSON.stringify({ projectId: neverProposed }));
        // Broken findings on the OFFICIAL project any administrator may see.
        const onOpen = await receiveRaw(JSON.stringify({ ...outcome(open), title: '' }));

        const itemsOf = async (admin: Identity) =>
          (await app.quarantined(admin)).map((item) => item.itemId);
        const all = [onShared, cut, wrapped, nowhere, onOpen].map((item) => item.itemId);
        expect(await itemsOf(ada)).toEqual(expect.arrayContaining(all));
        const seenByUla = await itemsOf(ula);
        expect(seenByUla).toContain(onOpen.itemId);
        for (const held of [onShared, cut, wrapped, nowhere])
          expect(seenByUla).not.toContain(held.itemId);
        expect(await app.quarantinedItem(ula, onShared.itemId)).toBeUndefined();
        expect(await app.quarantinedItem(ula, cut.itemId)).toBeUndefined();
        expect((await app.quarantinedItem(ula, onOpen.itemId))?.received).toContain(open);
        expect((await app.quarantinedItem(ada, onShared.itemId))?.received).toBe(broken);

        // Acting on an item she may not see answers as for an item that does not exist.
        expect(await refusal(app.discard(ula, onShared.itemId, 'not mine to judge'))).toEqual(
          await refusal(app.discard(ula, 'webhook:nobody:never', 'not mine to judge')),
        );
        const missing = 'webhook:nobody:never';
        expect(await refusal(app.resubmit(ula, missing, outcome(open)))).toEqual({
          type: 'PartnerNotFound',
          code: 'PARTNER_NOT_FOUND',
          message: `No held item ${missing}`,
        });
        expect(await refusal(app.resubmit(ula, onShared.itemId, outcome(open)))).toEqual({
          type: 'PartnerNotFound',
          code: 'PARTNER_NOT_FOUND',
          message: `No held item ${onShared.itemId}`,
        });
        // A correction naming a hidden project is refused before its contract is checked, as
        // one naming a project that does not exist, so it is never held for the list to tell.
        const probe = (projectId: string) =>
          refusal(app.resubmit(ula, onOpen.itemId, { ...outcome(projectId), title: '' }));
        expect(await probe(secret)).toEqual(await probe(neverProposed));
        expect(await probe(secret)).toMatchObject({ code: 'PROJECT_NOT_FOUND' });
        expect(await itemsOf(ada)).toEqual(expect.arrayContaining(all));
        expect((await app.quarantinedItem(ada, onShared.itemId))?.status).toBe('held');
        await app.discard(ada, cut.itemId, 'a cut copy of the held item');
        expect(await itemsOf(ada)).not.toContain(cut.itemId);
        await app.discard(ada, onShared.itemId, 'resent by the partner');
      });

      it('labels each event as the project it is about is, and input about no known project OFFICIAL-SENSITIVE', async () => {
        const rejected = await submit(n8, outcome(open, 'Findings sent twice'));
        await app.rejectOutcome(cat, rejected.submissionId, 'Sent twice');
        const fair = {
          kind: 'research_fair',
          title: 'Research fair with the N8 universities',
          on: '2026-06-02',
          organisationIds: [n8],
          academicIds: [],
          peopleIds: [],
        };
        await app.recordEngagement(rae, `fair-${run}`, fair);
        await app.recordEngagement(rae, `fair-staffed-${run}`, {
          ...fair,
          peopleIds: ['person-rae'],
        });
        const events = await stores.store.readAll({ limit: 100_000 });
        // Which members of staff took part in an engagement is personal data.
        const engagements = new Map(
          events
            .filter((event) => event.type === 'partners.engagement.recorded')
            .map((event) => [String(event.data.engagementId), event.metadata.classification]),
        );
        expect(engagements.get(`fair-staffed-${run}`)).toBe('OFFICIAL_SENSITIVE');
        expect(engagements.get(`fair-${run}`)).toBe('OFFICIAL');
        // The project each event is about, from the event alone or the stream it continues.
        const projectOfStream = new Map<string, string | undefined>();
        const about = (event: (typeof events)[number]): string | undefined => {
          const { data } = event;
          const named = (value: unknown) => (value as { projectId?: string }).projectId;
          switch (event.type) {
            case 'partners.collaboration.started':
              return named(data.collaboration);
            case 'partners.outcome.submitted':
            case 'partners.outcome.published':
              return named(data.outcome);
            case 'partners.quarantine.held':
              return projectNamedIn(String(data.received));
            default:
              return projectOfStream.get(event.streamId);
          }
        };
        const labels = new Map<string, Set<string>>();
        for (const event of events) {
          const project = event.type.startsWith('partners.organisation.')
            ? 'network'
            : event.type.startsWith('partners.academic.')
              ? 'network'
              : about(event);
          if (!projectOfStream.has(event.streamId)) projectOfStream.set(event.streamId, project);
          const key = `${project ?? 'unattributable'} ${event.type}`;
          labels.set(key, (labels.get(key) ?? new Set()).add(event.metadata.classification));
        }
        const labelOf = (project: string, type: string) => [
          ...(labels.get(`${project} partners.${type}`) ?? []),
        ];
        expect(labelOf('network', 'organisation.registered')).toEqual(['OFFICIAL']);
        expect(labelOf('network', 'academic.registered')).toEqual(['OFFICIAL']);
        for (const type of [
          'collaboration.started',
          'outcome.submitted',
          'outcome.rejected',
          'quarantine.held',
        ])
          expect({ type, labels: labelOf(open, type) }).toEqual({ type, labels: ['OFFICIAL'] });
        for (const [project, type] of [
          [secret, 'collaboration.started'],
          [shared, 'collaboration.started'],
          [shared, 'outcome.submitted'],
          [shared, 'outcome.published'],
          [shared, 'quarantine.held'],
          [shared, 'quarantine.discarded'],
          // Named by a partner who may not see it: held, and labelled as the project is.
          [secret, 'quarantine.held'],
          [neverProposed, 'quarantine.held'],
          ['unattributable', 'quarantine.held'],
          ['unattributable', 'quarantine.discarded'],
          ['unattributable', 'quarantine.resubmitted'],
        ] as const)
          expect({ project, type, labels: labelOf(project, type) }).toEqual({
            project,
            type,
            labels: ['OFFICIAL_SENSITIVE'],
          });
      });
    });
  },
);
