// The partners' end-to-end scenario through the gateway, against either run mode: organisations
// and academics linked to a register project, and a partner's outcome arriving by signed webhook,
// moderated, and shown on the project.
import { randomUUID } from 'node:crypto';
import { waitFor } from '@ebp/eventing/testing';
import { postPartnerOutcome } from '../partner-webhook';
import type { GraphResponse } from '../graph-client';
import { callers, type PlatformUnderTest } from './platform-under-test';
import { proposal, proposeProject } from './register-fixtures';

const codes = (result: GraphResponse) => (result.errors ?? []).map((e) => e.extensions?.code);

export function partnersScenario(running: () => PlatformUnderTest): void {
  const as = callers(running);
  const run = randomUUID().slice(0, 8);
  const organisationId = `cambridge-${run}`;
  const academicId = `sherman-${run}`;
  /** Made by the server when the scenario proposes the project. */
  let projectId = '';
  const partner = {
    actor: { kind: 'partner' as const, id: organisationId },
    name: 'Cambridge feed',
    roles: ['partner' as const],
    clearances: ['OFFICIAL' as const],
  };
  const PARTNERS = `query($id: ID!) { researchProject(id: $id) { title
    partners { role partnerKind organisation { id name } academic { id name } }
    partnerOutcomes { submissionId kind title doi } } }`;

  /**
   * Posts an outcome as the partner would: signed with its secret, with an Idempotency-Key, to
   * the platform's one origin (the gateway forwards it to the partners service).
   */
  async function deliver(secret: string, id: string, outcome: unknown) {
    const body = JSON.stringify(outcome);
    const response = await postPartnerOutcome(running().origin, organisationId, {
      id,
      body,
      secret,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('registers organisations and academics, links them to a register project, and shows ResearchProject.partners', async () => {
    const rae = await as('rae');
    projectId = await proposeProject(
      rae,
      `e2e-${run}-partnered`,
      proposal(`Partnered evaluation ${run}`, 'person-rae'),
    );
    const contact = {
      name: 'Dr Ada Lovelace',
      role: 'Director of Studies',
      email: 'ada@cam.example',
    };
    const { registerOrganisation } = await rae.must<{
      registerOrganisation: { organisation: Record<string, unknown> };
    }>(
      `mutation($id: ID!, $o: OrganisationInput!) { registerOrganisation(id: $id, organisation: $o) {
        organisation { id name kind rorId contacts { name role email } } } }`,
      {
        id: organisationId,
        o: {
          name: `Institute of Criminology ${run}`,
          kind: 'university',
          rorId: '013meh722',
          expertise: ['randomised controlled trials', `policing ${run}`],
          contacts: [contact],
        },
      },
    );
    // The answer is the organisation as the query shows it, contacts typed.
    expect(registerOrganisation.organisation).toEqual({
      id: organisationId,
      name: `Institute of Criminology ${run}`,
      kind: 'university',
      rorId: '013meh722',
      contacts: [contact],
    });
    const { registerAcademic } = await rae.must<{
      registerAcademic: { academic: Record<string, unknown> };
    }>(
      `mutation($id: ID!, $a: AcademicInput!) { registerAcademic(id: $id, academic: $a) {
        academic { id affiliations { organisationId from until } } } }`,
      {
        id: academicId,
        a: {
          name: `Prof. Larry ${run}`,
          expertise: ['targeting, testing and tracking'],
          affiliations: [{ organisationId, from: '2012-01-01' }],
        },
      },
    );
    expect(registerAcademic.academic).toEqual({
      id: academicId,
      affiliations: [{ organisationId, from: '2012-01-01', until: null }],
    });
    const link = `mutation($c: CollaborationInput!) { startCollaboration(collaboration: $c) {
      projectId partnerId collaboration { role status partnerKind project { id } } } }`;
    const { startCollaboration } = await rae.must<{ startCollaboration: unknown }>(link, {
      c: {
        projectId,
        partner: { kind: 'organisation', id: organisationId },
        role: 'evaluator',
        from: '2026-04-01',
      },
    });
    expect(startCollaboration).toEqual({
      projectId,
      partnerId: organisationId,
      collaboration: {
        role: 'evaluator',
        status: 'active',
        partnerKind: 'organisation',
        project: { id: projectId },
      },
    });
    await rae.must(link, {
      c: {
        projectId,
        partner: { kind: 'academic', id: academicId },
        role: 'co_investigator',
        from: '2026-04-01',
      },
    });
    expect(
      codes(
        await (
          await as('vic')
        ).request(link, {
          c: {
            projectId,
            partner: { kind: 'organisation', id: organisationId },
            role: 'funder',
            from: '2026-04-01',
          },
        }),
      ),
    ).toContain('FORBIDDEN');

    const { researchProject } = await rae.must<{
      researchProject: { title: string; partners: Record<string, unknown>[] };
    }>(PARTNERS, { id: projectId });
    expect(researchProject.title).toBe(`Partnered evaluation ${run}`);
    // By start date, then partner id.
    expect(researchProject.partners).toEqual([
      {
        role: 'evaluator',
        partnerKind: 'organisation',
        organisation: { id: organisationId, name: `Institute of Criminology ${run}` },
        academic: null,
      },
      {
        role: 'co_investigator',
        partnerKind: 'academic',
        organisation: null,
        academic: { id: academicId, name: `Prof. Larry ${run}` },
      },
    ]);
    const { organisations } = await rae.must<{ organisations: { id: string }[] }>(
      'query($e: String) { organisations(expertise: $e) { id } }',
      { e: `policing ${run}` },
    );
    expect(organisations).toEqual([{ id: organisationId }]);
    // Who registered the organisation, and when: its audit trail (not for partners).
    const TRAIL = 'query($id: ID!) { organisation(id: $id) { auditTrail { type actorId } } }';
    expect(
      (await rae.must<{ organisation: { auditTrail: unknown[] } }>(TRAIL, { id: organisationId }))
        .organisation.auditTrail,
    ).toEqual([{ type: 'partners.organisation.registered', actorId: 'person-rae' }]);
  });

  it('keeps the engagement log and lists agreements expiring ahead of time', async () => {
    const rae = await as('rae');
    const { recordEngagement } = await rae.must<{
      recordEngagement: { engagement: Record<string, unknown> };
    }>(
      `mutation($id: ID!, $e: EngagementInput!) { recordEngagement(id: $id, engagement: $e) {
        engagement { engagementId kind } } }`,
      {
        id: `fair-${run}`,
        e: {
          kind: 'research_fair',
          title: `EBP research fair ${run}`,
          on: '2026-10-14',
          organisationIds: [organisationId],
          academicIds: [academicId],
          peopleIds: ['person-rae', 'person-sam'],
        },
      },
    );
    expect(recordEngagement.engagement).toEqual({
      engagementId: `fair-${run}`,
      kind: 'research_fair',
    });
    const { organisation } = await rae.must<{
      organisation: { engagements: { title: string; peopleIds: string[] }[] };
    }>('query($id: ID!) { organisation(id: $id) { engagements { title peopleIds } } }', {
      id: organisationId,
    });
    expect(organisation.engagements).toEqual([
      { title: `EBP research fair ${run}`, peopleIds: ['person-rae', 'person-sam'] },
    ]);
    const cat = await as('cat');
    const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const { signAgreement } = await cat.must<{
      signAgreement: { agreement: Record<string, unknown> };
    }>(
      `mutation($id: ID!, $a: AgreementInput!) { signAgreement(id: $id, agreement: $a) {
        agreement { id kind status expiresOn } } }`,
      {
        id: `dsa-${run}`,
        a: {
          kind: 'data_sharing',
          title: `Footfall data ${run}`,
          partyIds: [organisationId],
          scope: 'Pseudonymised footfall counts for the evaluation only.',
          startsOn: '2026-01-01',
          expiresOn,
        },
      },
    );
    expect(signAgreement.agreement).toEqual({
      id: `dsa-${run}`,
      kind: 'data_sharing',
      status: 'in_force',
      expiresOn,
    });
    const { expiringAgreements } = await cat.must<{
      expiringAgreements: { agreementId: string; daysLeft: number }[];
    }>('{ expiringAgreements(withinDays: 60) { agreementId daysLeft } }');
    expect(expiringAgreements).toContainEqual({ agreementId: `dsa-${run}`, daysLeft: 30 });
    expect(
      codes(await rae.request('{ expiringAgreements(withinDays: 60) { agreementId } }')),
    ).toContain('FORBIDDEN');
  });

  let secret: string;

  it('takes a partner’s signed outcome, moderates it, and shows it on the project', async () => {
    const { issueWebhookSecret } = await (
      await as('ada')
    ).must<{
      issueWebhookSecret: { organisationId: string; secret: string; organisation: { id: string } };
    }>(
      'mutation($id: ID!) { issueWebhookSecret(organisationId: $id) { organisationId secret organisation { id } } }',
      { id: organisationId },
    );
    secret = issueWebhookSecret.secret;
    expect(secret).toMatch(/^whsec_/);
    expect(issueWebhookSecret).toMatchObject({
      organisationId,
      organisation: { id: organisationId },
    });
    // Only an administrator is given one.
    expect(
      codes(
        await (
          await as('rae')
        ).request('mutation($id: ID!) { issueWebhookSecret(organisationId: $id) { secret } }', {
          id: organisationId,
        }),
      ),
    ).toContain('FORBIDDEN');
    const outcome = {
      projectId,
      kind: 'publication',
      title: `Evaluation report ${run}`,
      doi: `10.1177/${run}`,
      publishedOn: '2026-11-01',
    };
    const accepted = await deliver(secret, `msg_${run}`, outcome);
    expect(accepted).toEqual({
      status: 202,
      body: { submissionId: `${organisationId}.msg_${run}`, status: 'awaiting_moderation' },
    });
    // A project the partner may not see is one that does not exist: quarantined, and the answer
    // tells nothing of it.
    const elsewhere = await deliver(secret, `msg_${run}_other`, {
      ...outcome,
      projectId: 'someone-elses',
    });
    expect(elsewhere.status).toBe(422);
    expect(JSON.stringify(elsewhere.body)).toContain('No such research project');

    // Not on the project until a moderator accepts it.
    const rae = await as('rae');
    expect(
      (
        await rae.must<{ researchProject: { partnerOutcomes: unknown[] } }>(PARTNERS, {
          id: projectId,
        })
      ).researchProject.partnerOutcomes,
    ).toEqual([]);
    const rob = await as('rob');
    const { moderationQueue } = await rob.must<{ moderationQueue: { submissionId: string }[] }>(
      '{ moderationQueue { submissionId } }',
    );
    expect(moderationQueue).toContainEqual({ submissionId: `${organisationId}.msg_${run}` });
    const ACCEPT =
      'mutation($id: ID!) { acceptOutcome(submissionId: $id) { submissionId outcome { status } } }';
    expect(codes(await rae.request(ACCEPT, { id: `${organisationId}.msg_${run}` }))).toContain(
      'FORBIDDEN',
    );
    expect(
      await rob.must<{ acceptOutcome: unknown }>(ACCEPT, { id: `${organisationId}.msg_${run}` }),
    ).toEqual({
      acceptOutcome: {
        submissionId: `${organisationId}.msg_${run}`,
        outcome: { status: 'published' },
      },
    });
    expect(
      (
        await rae.must<{ researchProject: { partnerOutcomes: unknown[] } }>(PARTNERS, {
          id: projectId,
        })
      ).researchProject.partnerOutcomes,
    ).toEqual([
      {
        submissionId: `${organisationId}.msg_${run}`,
        kind: 'publication',
        title: `Evaluation report ${run}`,
        doi: `10.1177/${run}`,
      },
    ]);

    // The register reports it on the project's record, from the partners' published event
    // (all-in-one: read from the partners' store; distributed: over Kafka).
    const history = await waitFor(
      'the register to report the published outcome',
      () =>
        rae.must<{ researchProject: { history: { type: string; actor: { id: string } }[] } }>(
          'query($id: ID!) { researchProject(id: $id) { history { type actor { id } } } }',
          { id: projectId },
        ),
      ({ researchProject }) =>
        researchProject.history.some(
          (entry) => entry.type === 'register.project.partner-outcome-reported',
        ),
      20_000,
    );
    expect(history.researchProject.history.at(-1)).toEqual({
      type: 'register.project.partner-outcome-reported',
      actor: { id: 'partners' },
    });

    // The library drafts it as a partner outcome, for an editor to publish.
    const drafted = await waitFor(
      'the library to draft the published outcome',
      () =>
        rob.must<{ libraryItem: { kind: string; title: string; status: string } | null }>(
          'query($id: ID!) { libraryItem(id: $id) { kind title status projectIds doi } }',
          { id: `outcome-${organisationId}.msg_${run}` },
        ),
      ({ libraryItem }) => libraryItem !== null,
      20_000,
    );
    expect(drafted.libraryItem).toEqual({
      kind: 'partner_outcome',
      title: `Evaluation report ${run}`,
      status: 'draft',
      projectIds: [projectId],
      doi: `10.1177/${run}`,
    });

    // The partner sees its own organisation and submissions only.
    const uni = await as(partner);
    expect(
      (await uni.must<{ organisations: { id: string }[] }>('{ organisations { id } }'))
        .organisations,
    ).toEqual([{ id: organisationId }]);
    expect(
      (
        await uni.must<{ mySubmissions: { submissionId: string; status: string }[] }>(
          '{ mySubmissions { submissionId status } }',
        )
      ).mySubmissions,
    ).toEqual([{ submissionId: `${organisationId}.msg_${run}`, status: 'published' }]);
  });

  it('quarantines a malformed outcome, which an administrator inspects and resubmits corrected', async () => {
    const malformed = {
      projectId,
      kind: 'publication',
      title: `Working paper ${run}`,
      publishedOn: '2026-11-02',
    };
    const refused = await deliver(secret, `msg_${run}_bad`, malformed);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'INVALID_OUTCOME',
      quarantineItemId: `webhook:${organisationId}:msg_${run}_bad`,
    });
    expect(String(refused.body.detail)).toMatch(/doi/);

    const QUARANTINE = '{ quarantine { itemId reason status received } }';
    expect(codes(await (await as('vic')).request(QUARANTINE))).toContain('FORBIDDEN');
    const ada = await as('ada');
    const { quarantine } = await ada.must<{ quarantine: { itemId: string; received: string }[] }>(
      QUARANTINE,
    );
    const item = quarantine.find((held) => held.itemId === refused.body.quarantineItemId);
    expect(item?.received).toBe(JSON.stringify(malformed));
    const { resubmitQuarantined } = await ada.must<{
      resubmitQuarantined: {
        submissionId: string;
        outcome: { status: string; channel: string; doi: string };
        item: { itemId: string; status: string };
      };
    }>(
      `mutation($item: ID!, $o: PartnerOutcomeInput!) { resubmitQuarantined(itemId: $item, outcome: $o) {
        submissionId outcome { status channel doi } item { itemId status } } }`,
      { item: item!.itemId, o: { ...malformed, doi: `10.1177/wp-${run}` } },
    );
    const { submissionId } = resubmitQuarantined;
    expect(submissionId).toMatch(new RegExp(`^${organisationId}\\.resubmission-`));
    expect(resubmitQuarantined).toEqual({
      submissionId,
      outcome: { status: 'awaiting_moderation', channel: 'resubmission', doi: `10.1177/wp-${run}` },
      item: { itemId: item!.itemId, status: 'resubmitted' },
    });
    const { moderationQueue } = await (
      await as('rob')
    ).must<{ moderationQueue: { submissionId: string; channel: string }[] }>(
      '{ moderationQueue { submissionId channel } }',
    );
    expect(moderationQueue).toContainEqual({ submissionId, channel: 'resubmission' });
    expect(
      (await ada.must<{ quarantine: { itemId: string }[] }>(QUARANTINE)).quarantine.map(
        (held) => held.itemId,
      ),
    ).not.toContain(item!.itemId);
  });

  it('rejects an outcome and discards a quarantined item, answering each as it now stands', async () => {
    const outcome = {
      projectId,
      kind: 'dataset',
      title: `Footfall dataset ${run}`,
      publishedOn: '2026-11-03',
    };
    expect((await deliver(secret, `msg_${run}_dataset`, outcome)).status).toBe(202);
    const { rejectOutcome } = await (
      await as('rob')
    ).must<{ rejectOutcome: unknown }>(
      `mutation($id: ID!, $r: String!) { rejectOutcome(submissionId: $id, reason: $r) {
        submissionId outcome { status reason kind } } }`,
      { id: `${organisationId}.msg_${run}_dataset`, r: 'The dataset is not yet anonymised.' },
    );
    expect(rejectOutcome).toEqual({
      submissionId: `${organisationId}.msg_${run}_dataset`,
      outcome: {
        status: 'rejected',
        reason: 'The dataset is not yet anonymised.',
        kind: 'dataset',
      },
    });

    const refused = await deliver(secret, `msg_${run}_junk`, { ...outcome, kind: 'rumour' });
    expect(refused.status).toBe(422);
    const { discardQuarantined } = await (
      await as('ada')
    ).must<{ discardQuarantined: unknown }>(
      `mutation($id: ID!, $r: String!) { discardQuarantined(itemId: $id, reason: $r) {
        item { itemId status reason channel organisationId } } }`,
      { id: refused.body.quarantineItemId, r: 'Not an outcome of the project.' },
    );
    expect(discardQuarantined).toEqual({
      item: {
        itemId: refused.body.quarantineItemId,
        status: 'discarded',
        reason: 'Not an outcome of the project.',
        channel: 'webhook',
        organisationId,
      },
    });
  });
}
