import { randomUUID } from 'node:crypto';
import { ProjectNotFound, isCleared, type ReferenceGuard } from '@ebp/access';
import { PERSONAL_DATA_CLASSIFICATION, parseOrThrow, partners } from '@ebp/contracts';
import {
  CommandHandler,
  auditTrail,
  bodiesByKey,
  bodiesOf,
  commandContextFor,
  type CommandContext,
  type Decider,
  type DocumentCollection,
  type DomainEvent,
  type EventStore,
} from '@ebp/eventing';
import {
  ForbiddenError,
  type Identity,
  type Page,
  type PageRequest,
  pageWindow,
  requireRole,
} from '@ebp/platform';
import { academicDecider } from '../academics/academic.decider';
import {
  AGREEMENT_OWNERS,
  FEED_ADMINS,
  MODERATORS,
  NETWORK_KEEPERS,
  mayReadOrganisation,
  partnerOrganisationOf,
} from '../access/partner-access';
import { partnerFeedReader } from '../access/project-references';
import { agreementDecider } from '../agreements/agreement.decider';
import {
  agreementConditions,
  agreementStandingOn,
  type AgreementFilter,
  type AgreementStanding,
} from '../agreements/agreement-list';
import { expiringAgreements, type ExpiringAgreement } from '../agreements/expiring-agreements';
import {
  collaborationDecider,
  collaborationStreamId,
} from '../collaborations/collaboration.decider';
import type { CollaborationEntry } from '../collaborations/projections/collaborations.projection';
import { engagementDecider } from '../engagements/engagement.decider';
import type { PartnerSecrets } from '../feeds/partner-secrets';
import { OutcomeIntake, outcomeStreamId, quarantineStreamId } from '../feeds/outcome-intake';
import { organisationDecider } from '../organisations/organisation.decider';
import { outcomeDecider } from '../outcomes/outcome-submission.decider';
import { quarantineDecider } from '../outcomes/quarantine.decider';
import { IllegalPartnerTransition, InvalidPartnerInput, PartnerNotFound } from '../partners-errors';
import {
  projectNamedIn,
  type AcademicEntry,
  type AgreementEntry,
  type EngagementEntry,
  type OrganisationEntry,
  type OutcomeEntry,
  type QuarantineEntry,
} from '../projections/partners-read-models';

/** An agreement as the list shows it: where it stands on the service's date beside its record. */
export interface AgreementView extends AgreementEntry {
  readonly standing: AgreementStanding;
}

/** The partners service's stores and read models, built by its composition root. */
export interface PartnersStores {
  readonly store: EventStore;
  readonly secrets: PartnerSecrets;
  readonly organisations: () => Promise<DocumentCollection<OrganisationEntry>>;
  readonly academics: () => Promise<DocumentCollection<AcademicEntry>>;
  readonly agreements: () => Promise<DocumentCollection<AgreementEntry>>;
  readonly collaborations: () => Promise<DocumentCollection<CollaborationEntry>>;
  readonly outcomes: () => Promise<DocumentCollection<OutcomeEntry>>;
  readonly quarantine: () => Promise<DocumentCollection<QuarantineEntry>>;
  readonly engagements: () => Promise<DocumentCollection<EngagementEntry>>;
  /**
   * The register's rule over the partners' references to its projects (DESIGN.md §5): a
   * collaboration or submission naming a project the caller may not see is left out, and a write
   * naming one gets the answer a project that does not exist gets.
   */
  readonly projects: ReferenceGuard;
  readonly catchUp: () => Promise<void>;
  readonly now: () => Date;
}

const handlerFor = <Command, Event extends DomainEvent, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
) => new CommandHandler(store, decider);

/**
 * The partners service's use cases: the research network (organisations, academics,
 * agreements, collaborations, engagements), moderation of partners' outcomes, and the
 * quarantine. Roles decide who may do what; a partner sees only its own organisation's part.
 * Every reference to a register project passes the project guard (need-to-know), and every
 * write names organisations, academics and projects that exist.
 */
export class PartnersApplication {
  private readonly organisationCommands;
  private readonly academicCommands;
  private readonly agreementCommands;
  private readonly collaborationCommands;
  private readonly engagementCommands;
  private readonly outcomeCommands;
  private readonly quarantineCommands;
  readonly intake: OutcomeIntake;

  constructor(private readonly stores: PartnersStores) {
    this.organisationCommands = handlerFor(stores.store, organisationDecider);
    this.academicCommands = handlerFor(stores.store, academicDecider);
    this.agreementCommands = handlerFor(stores.store, agreementDecider);
    this.collaborationCommands = handlerFor(stores.store, collaborationDecider);
    this.engagementCommands = handlerFor(stores.store, engagementDecider);
    this.outcomeCommands = handlerFor(stores.store, outcomeDecider);
    this.quarantineCommands = handlerFor(stores.store, quarantineDecider);
    this.intake = new OutcomeIntake(
      stores.store,
      stores.collaborations,
      stores.now,
      stores.projects,
    );
  }

  /** The context of a write about the research network alone, which is OFFICIAL. */
  private context(identity: Identity): CommandContext {
    return commandContextFor(identity.actor, this.stores.now(), 'OFFICIAL');
  }

  /**
   * The context of a write about register projects (or about input that names one): its events
   * are labelled as the most sensitive of them is, so that they go out on the partners' topic
   * labelled OFFICIAL-SENSITIVE when a project is; a project not known, or not named, counts as
   * OFFICIAL-SENSITIVE.
   */
  private async contextAbout(
    identity: Identity,
    ...projectIds: readonly (string | undefined)[]
  ): Promise<CommandContext> {
    const classification = await this.stores.projects.classificationOf(...projectIds);
    return commandContextFor(identity.actor, this.stores.now(), classification);
  }

  /**
   * Referential integrity from the partners' own read models: each named organisation or
   * academic must be registered. A miss is checked again after the read models caught up, so a
   * record registered a moment ago (by another instance) is found.
   */
  private async requireRegistered(
    kind: 'organisation' | 'academic',
    ids: readonly string[],
  ): Promise<void> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return;
    const missing = async () => {
      const collection =
        kind === 'organisation' ? await this.stores.organisations() : await this.stores.academics();
      const found = await collection.getMany(wanted);
      return wanted.filter((id) => !found.get(id)?.body);
    };
    let absent = await missing();
    if (absent.length === 0) return;
    await this.stores.catchUp();
    absent = await missing();
    if (absent.length > 0) throw new PartnerNotFound(`No ${kind} ${absent[0]}`);
  }

  private requireOrganisation(organisationId: string): Promise<void> {
    return this.requireRegistered('organisation', [organisationId]);
  }

  /** The write names a project the actor may see; otherwise the answer for one that does not exist. */
  private requireProject(identity: Identity, projectId: string): Promise<void> {
    return this.stores.projects.requireVisible(identity, projectId, () => new ProjectNotFound());
  }

  /**
   * The collaborations a caller may see: a partner only its own organisation's, and anyone only
   * those on projects the register lets them see (the others are left out, never nulled).
   */
  private async visibleCollaborations(
    identity: Identity,
    entries: readonly CollaborationEntry[],
  ): Promise<CollaborationEntry[]> {
    const own = partnerOrganisationOf(identity);
    const mine =
      own === undefined
        ? entries
        : entries.filter(
            (entry) => entry.partnerKind === 'organisation' && entry.partnerId === own,
          );
    return this.stores.projects.visible(identity, mine, (entry) => entry.projectId);
  }

  /** Submissions whose project the caller may see; the others are left out. */
  private visibleSubmissions(
    identity: Identity,
    entries: readonly OutcomeEntry[],
  ): Promise<OutcomeEntry[]> {
    return this.stores.projects.visible(identity, entries, (entry) => entry.projectId);
  }

  /**
   * A moderator acts on a submission only when it may see the project it names; otherwise the
   * answer is the one for a submission that does not exist (the decider's).
   */
  /** The submission's project, when it exists; throws when the caller may not see it. */
  private async requireVisibleSubmission(
    identity: Identity,
    submissionId: string,
  ): Promise<string | undefined> {
    const read = async () => (await (await this.stores.outcomes()).get(submissionId))?.body;
    let entry = await read();
    if (!entry) {
      await this.stores.catchUp();
      entry = await read();
    }
    if (entry && !(await this.stores.projects.canSee(identity, entry.projectId)))
      throw new PartnerNotFound('No such submission');
    return entry?.projectId;
  }

  /** Who changed an organisation's or an academic's record, when and why: members of staff only. */
  async auditTrailOf(identity: Identity, kind: 'organisation' | 'academic', id: string) {
    if (partnerOrganisationOf(identity) !== undefined)
      throw new ForbiddenError('Partners do not see the audit trail of the research network');
    requireRole(identity, NETWORK_KEEPERS, 'see the audit trail of the research network');
    return auditTrail(this.stores.store, `${kind}:${id}`);
  }

  /** The network --------------------------------------------------------------------------- */

  async registerOrganisation(identity: Identity, organisationId: string, organisation: unknown) {
    requireRole(identity, NETWORK_KEEPERS, 'register organisations');
    await this.organisationCommands.handle(
      `organisation:${organisationId}`,
      { type: 'register', organisationId, organisation, by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  async updateOrganisation(identity: Identity, organisationId: string, organisation: unknown) {
    requireRole(identity, NETWORK_KEEPERS, 'update organisations');
    await this.organisationCommands.handle(
      `organisation:${organisationId}`,
      { type: 'update', organisationId, organisation, by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  async registerAcademic(identity: Identity, academicId: string, academic: unknown) {
    requireRole(identity, NETWORK_KEEPERS, 'register academics');
    // Input that breaks the contract is left to the decider, which says why.
    const parsed = partners.AcademicSchema.safeParse(academic);
    if (parsed.success)
      await this.requireRegistered(
        'organisation',
        parsed.data.affiliations.map((affiliation) => affiliation.organisationId),
      );
    await this.academicCommands.handle(
      `academic:${academicId}`,
      { type: 'register', academicId, academic, by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  async signAgreement(identity: Identity, agreementId: string, agreement: unknown) {
    requireRole(identity, AGREEMENT_OWNERS, 'record agreements');
    const parsed = partners.AgreementSchema.safeParse(agreement);
    if (parsed.success) await this.requireRegistered('organisation', parsed.data.partyIds);
    await this.agreementCommands.handle(
      `agreement:${agreementId}`,
      { type: 'sign', agreementId, agreement, by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  async startCollaboration(identity: Identity, input: unknown) {
    requireRole(identity, NETWORK_KEEPERS, 'link partners to projects');
    const collaboration = parseOrThrow(
      partners.CollaborationSchema,
      input,
      'collaboration',
      InvalidPartnerInput,
    );
    const { partner } = collaboration;
    await this.requireProject(identity, collaboration.projectId);
    await this.requireRegistered(partner.kind, [partner.id]);
    await this.collaborationCommands.handle(
      collaborationStreamId(collaboration.projectId, partner.id),
      { type: 'start', collaboration, by: identity.actor.id },
      await this.contextAbout(identity, collaboration.projectId),
    );
    await this.stores.catchUp();
  }

  async recordEngagement(identity: Identity, engagementId: string, engagement: unknown) {
    requireRole(identity, NETWORK_KEEPERS, 'record engagement with partners');
    const parsed = partners.EngagementSchema.safeParse(engagement);
    if (parsed.success) {
      await this.requireRegistered('organisation', parsed.data.organisationIds);
      await this.requireRegistered('academic', parsed.data.academicIds);
    }
    await this.engagementCommands.handle(
      `engagement:${engagementId}`,
      { type: 'record', engagementId, engagement, by: identity.actor.id },
      // Which members of staff took part in what is personal data, as the community labels it.
      parsed.success && parsed.data.peopleIds.length === 0
        ? this.context(identity)
        : commandContextFor(identity.actor, this.stores.now(), PERSONAL_DATA_CLASSIFICATION),
    );
    await this.stores.catchUp();
  }

  /** One engagement, by the engagement log's rule (a partner: only those its organisation took part in). */
  async engagement(identity: Identity, engagementId: string) {
    const entry = (await (await this.stores.engagements()).get(engagementId))?.body;
    const own = partnerOrganisationOf(identity);
    if (!entry || (own !== undefined && !entry.organisationIds.includes(own))) return undefined;
    return entry;
  }

  /**
   * The engagement log, newest first, optionally for one organisation or academic; a partner sees
   * only the engagements its organisation took part in.
   */
  async engagementLog(
    identity: Identity,
    filter: { organisationId?: string; academicId?: string },
  ) {
    const own = partnerOrganisationOf(identity);
    return (await bodiesOf(this.stores.engagements()))
      .filter((entry) => own === undefined || entry.organisationIds.includes(own))
      .filter(
        (entry) => !filter.organisationId || entry.organisationIds.includes(filter.organisationId),
      )
      .filter((entry) => !filter.academicId || entry.academicIds.includes(filter.academicId))
      .sort((a, b) => b.on.localeCompare(a.on) || a.engagementId.localeCompare(b.engagementId));
  }

  /** Issues a partner's new webhook secret (shown once); the previous one keeps working a while. */
  async issueWebhookSecret(identity: Identity, organisationId: string): Promise<string> {
    requireRole(identity, FEED_ADMINS, 'issue webhook secrets');
    await this.requireOrganisation(organisationId);
    return this.stores.secrets.issue(organisationId, this.stores.now());
  }

  /** Reads --------------------------------------------------------------------------------- */

  async organisation(identity: Identity, organisationId: string) {
    return (await this.organisationsByIds(identity, [organisationId])).get(organisationId);
  }

  /** `organisation` for many ids: read together, each under the same rule. */
  async organisationsByIds(
    identity: Identity,
    organisationIds: readonly string[],
  ): Promise<Map<string, OrganisationEntry>> {
    const readable = [...new Set(organisationIds)].filter((id) =>
      mayReadOrganisation(identity, id),
    );
    return presentBodies(await (await this.stores.organisations()).getMany(readable));
  }

  /** Organisations, optionally with an area of expertise (ignoring case) or of one kind. */
  async searchOrganisations(identity: Identity, expertise?: string, kind?: string) {
    const all = await bodiesOf(this.stores.organisations(), { filter: kind ? { kind } : {} });
    const wanted = expertise?.trim().toLowerCase();
    return all
      .filter((entry) => mayReadOrganisation(identity, entry.organisationId))
      .filter(
        (entry) => !wanted || entry.expertise.some((area) => area.toLowerCase().includes(wanted)),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  async academic(identity: Identity, academicId: string) {
    return (await this.academicsByIds(identity, [academicId])).get(academicId);
  }

  /** `academic` for many ids: read together, each under the same rule. */
  async academicsByIds(
    identity: Identity,
    academicIds: readonly string[],
  ): Promise<Map<string, AcademicEntry>> {
    const own = partnerOrganisationOf(identity);
    const found = presentBodies(await (await this.stores.academics()).getMany(academicIds));
    for (const [id, entry] of found)
      if (own !== undefined && !entry.currentOrganisationIds.includes(own)) found.delete(id);
    return found;
  }

  async searchAcademics(identity: Identity, expertise?: string) {
    const own = partnerOrganisationOf(identity);
    const wanted = expertise?.trim().toLowerCase();
    return (await bodiesOf(this.stores.academics()))
      .filter((entry) => own === undefined || entry.currentOrganisationIds.includes(own))
      .filter(
        (entry) => !wanted || entry.expertise.some((area) => area.toLowerCase().includes(wanted)),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * ResearchProject.partners: none unless the caller may see the project; a partner sees only its
   * own organisation's collaboration.
   */
  async partnersOf(identity: Identity, projectId: string) {
    return (await this.partnersOfMany(identity, [projectId])).get(projectId) ?? [];
  }

  /** `partnersOf` for many projects: the collaborations and audiences read once for all. */
  async partnersOfMany(
    identity: Identity,
    projectIds: readonly string[],
  ): Promise<Map<string, CollaborationEntry[]>> {
    return this.visibleCollaborationsBy(
      identity,
      projectIds,
      'projectId',
      (a, b) => a.from.localeCompare(b.from) || a.partnerId.localeCompare(b.partnerId),
    );
  }

  /**
   * The collaborations of an organisation or academic, on the projects the caller may see (a
   * partner: only its own organisation's).
   */
  async collaborationsOf(identity: Identity, partnerId: string) {
    return (await this.collaborationsOfMany(identity, [partnerId])).get(partnerId) ?? [];
  }

  /** `collaborationsOf` for many partners: read once for all. */
  async collaborationsOfMany(
    identity: Identity,
    partnerIds: readonly string[],
  ): Promise<Map<string, CollaborationEntry[]>> {
    return this.visibleCollaborationsBy(
      identity,
      partnerIds,
      'partnerId',
      (a, b) => a.from.localeCompare(b.from) || a.projectId.localeCompare(b.projectId),
    );
  }

  /** Collaborations by project or by partner, filtered by `visibleCollaborations` as one batch. */
  private async visibleCollaborationsBy(
    identity: Identity,
    keys: readonly string[],
    field: 'projectId' | 'partnerId',
    order: (a: CollaborationEntry, b: CollaborationEntry) => number,
  ): Promise<Map<string, CollaborationEntry[]>> {
    const found = await bodiesByKey(this.stores.collaborations(), keys, {
      field,
      match: 'value',
      keysOf: (entry) => [entry[field]],
    });
    const visible = new Set(await this.visibleCollaborations(identity, [...found.values()].flat()));
    return new Map(
      [...found].map(([key, entries]) => [
        key,
        entries.filter((entry) => visible.has(entry)).sort(order),
      ]),
    );
  }

  /**
   * ResearchProject.partnerOutcomes: the published ones, none unless the caller may see the
   * project (and, for a partner, its own only).
   */
  async publishedOutcomesOf(identity: Identity, projectId: string) {
    return (await this.publishedOutcomesOfMany(identity, [projectId])).get(projectId) ?? [];
  }

  /** `publishedOutcomesOf` for many projects: read once for all. */
  async publishedOutcomesOfMany(
    identity: Identity,
    projectIds: readonly string[],
  ): Promise<Map<string, OutcomeEntry[]>> {
    const own = partnerOrganisationOf(identity);
    const found = await bodiesByKey(
      this.stores.outcomes(),
      projectIds,
      { field: 'projectId', match: 'value', keysOf: (entry) => [entry.projectId] },
      { filter: { status: 'published' } },
    );
    const visible = new Set(
      await this.visibleSubmissions(
        identity,
        [...found.values()]
          .flat()
          .filter((entry) => own === undefined || entry.organisationId === own),
      ),
    );
    return new Map(
      [...found].map(([projectId, entries]) => [
        projectId,
        entries
          .filter((entry) => visible.has(entry))
          .sort((a, b) => b.publishedOn.localeCompare(a.publishedOn)),
      ]),
    );
  }

  /**
   * The agreements, most recently starting first (then by id), each with where it stands today.
   * Those who sign agreements (the committee, administrators) see all of them; a partner sees
   * only those its own organisation is party to (another organisation's answer as none); any
   * other caller is refused, as the list of expiring agreements is.
   */
  async agreementList(
    identity: Identity,
    query: { readonly filter?: AgreementFilter } & PageRequest = {},
  ): Promise<Page<AgreementView>> {
    const own = partnerOrganisationOf(identity);
    if (own === undefined) requireRole(identity, AGREEMENT_OWNERS, 'list agreements');
    const { filter = {} } = query;
    if (filter.expiringBefore !== undefined)
      parseOrThrow(
        partners.IsoDateSchema,
        filter.expiringBefore,
        'expiringBefore',
        InvalidPartnerInput,
      );
    if (own !== undefined && filter.organisationId !== undefined && filter.organisationId !== own)
      return { items: [], total: 0 };
    const today = this.today();
    const found = await (
      await this.stores.agreements()
    ).find({
      filter: agreementConditions(
        { ...filter, ...(own === undefined ? {} : { organisationId: own }) },
        today,
      ),
      sort: [{ field: 'startsOn', direction: 'desc' }],
      ...pageWindow(query),
    });
    return {
      items: found.items.map(({ body }) => ({
        ...body,
        standing: agreementStandingOn(body, today),
      })),
      total: found.total,
    };
  }

  /** One agreement, with where it stands today, by the list's rule (refused as the list is). */
  async agreement(identity: Identity, agreementId: string): Promise<AgreementView | undefined> {
    const own = partnerOrganisationOf(identity);
    if (own === undefined) requireRole(identity, AGREEMENT_OWNERS, 'list agreements');
    const entry = (await (await this.stores.agreements()).get(agreementId))?.body;
    if (!entry || (own !== undefined && !entry.partyIds.includes(own))) return undefined;
    return { ...entry, standing: agreementStandingOn(entry, this.today()) };
  }

  /**
   * One partner on a project, as ResearchProject.partners shows it: none unless the caller may see
   * the project (a partner: only its own organisation's).
   */
  async collaboration(identity: Identity, projectId: string, partnerId: string) {
    return (await this.partnersOf(identity, projectId)).find(
      (entry) => entry.partnerId === partnerId,
    );
  }

  private today(): string {
    return this.stores.now().toISOString().slice(0, 10);
  }

  async expiring(identity: Identity, withinDays: number): Promise<ExpiringAgreement[]> {
    requireRole(identity, AGREEMENT_OWNERS, 'review expiring agreements');
    return expiringAgreements(await bodiesOf(this.stores.agreements()), this.today(), withinDays);
  }

  /** A partner's own submissions, whatever their state, on the projects it may see. */
  async mySubmissions(identity: Identity) {
    const own = partnerOrganisationOf(identity);
    if (own === undefined) return [];
    return this.visibleSubmissions(
      identity,
      await bodiesOf(this.stores.outcomes(), { filter: { organisationId: own } }),
    );
  }

  /**
   * One submission, for moderators and for the partner that made it, on a project the caller may
   * see; none otherwise.
   */
  async submission(identity: Identity, submissionId: string) {
    const own = partnerOrganisationOf(identity);
    if (own === undefined && !identity.roles.some((role) => MODERATORS.includes(role)))
      return undefined;
    const entry = (await (await this.stores.outcomes()).get(submissionId))?.body;
    if (!entry || (own !== undefined && entry.organisationId !== own)) return undefined;
    return (await this.visibleSubmissions(identity, [entry]))[0];
  }

  /** Moderation ---------------------------------------------------------------------------- */

  async moderationQueue(identity: Identity) {
    requireRole(identity, MODERATORS, 'moderate partner outcomes');
    const waiting = await bodiesOf(this.stores.outcomes(), {
      filter: { status: 'awaiting_moderation' },
    });
    return (await this.visibleSubmissions(identity, waiting)).sort((a, b) =>
      a.receivedAt.localeCompare(b.receivedAt),
    );
  }

  async acceptOutcome(identity: Identity, submissionId: string) {
    requireRole(identity, MODERATORS, 'moderate partner outcomes');
    const projectId = await this.requireVisibleSubmission(identity, submissionId);
    await this.outcomeCommands.handle(
      outcomeStreamId(submissionId),
      { type: 'accept', by: identity.actor.id },
      await this.contextAbout(identity, projectId),
    );
    await this.stores.catchUp();
  }

  async rejectOutcome(identity: Identity, submissionId: string, reason: string) {
    requireRole(identity, MODERATORS, 'moderate partner outcomes');
    const projectId = await this.requireVisibleSubmission(identity, submissionId);
    await this.outcomeCommands.handle(
      outcomeStreamId(submissionId),
      { type: 'reject', reason, by: identity.actor.id },
      await this.contextAbout(identity, projectId),
    );
    await this.stores.catchUp();
  }

  /** Quarantine ---------------------------------------------------------------------------- */

  /**
   * The held items the administrator may see. Raw partner input is the data of the project it is
   * about: a cleared partner's findings on an OFFICIAL-SENSITIVE project are held when they break
   * the contract. So an item shows when it names, for certain, a project the caller may see; an
   * item that names a project the caller may not see never shows; and an item that cannot be
   * attributed (not JSON, cut at the size limit, no project, a project that does not exist) shows
   * only to administrators cleared for OFFICIAL-SENSITIVE. It fails closed.
   */
  async quarantined(identity: Identity) {
    requireRole(identity, FEED_ADMINS, 'inspect quarantined input');
    const held = await bodiesOf(this.stores.quarantine(), { filter: { status: 'held' } });
    const shown = await this.shownQuarantine(identity, held);
    return held.filter((item) => shown.has(item)).sort((a, b) => a.heldAt.localeCompare(b.heldAt));
  }

  /** One quarantined item, whatever its state: administrators only, as `quarantined` shows them. */
  async quarantinedItem(identity: Identity, itemId: string) {
    requireRole(identity, FEED_ADMINS, 'inspect quarantined input');
    return this.visibleQuarantinedItem(identity, itemId);
  }

  /** The item, or undefined when it does not exist or the caller may not see it. */
  private async visibleQuarantinedItem(identity: Identity, itemId: string) {
    const item = (await (await this.stores.quarantine()).get(itemId))?.body;
    if (!item) return undefined;
    return (await this.shownQuarantine(identity, [item])).has(item) ? item : undefined;
  }

  private async shownQuarantine(
    identity: Identity,
    items: readonly QuarantineEntry[],
  ): Promise<Set<QuarantineEntry>> {
    const named = new Map(items.map((item) => [item, projectNamedIn(item.received)]));
    const projectIds = [...named.values()].filter((id): id is string => id !== undefined);
    if (isCleared(identity)) {
      const hidden = await this.stores.projects.hiddenIds(identity, projectIds);
      return new Set(items.filter((item) => !hidden.has(named.get(item) ?? '')));
    }
    const visible = await this.stores.projects.visibleIds(identity, projectIds);
    return new Set(items.filter((item) => visible.has(named.get(item) ?? '')));
  }

  /**
   * Resubmits a quarantined item after correction, as a new submission from the same partner
   * (it is then checked and moderated like any other); the item is marked resubmitted.
   */
  async resubmit(identity: Identity, itemId: string, correctedOutcome: unknown): Promise<string> {
    requireRole(identity, FEED_ADMINS, 'resubmit quarantined input');
    const item = await this.visibleQuarantinedItem(identity, itemId);
    if (!item || item.status !== 'held') throw new PartnerNotFound(`No held item ${itemId}`);
    if (!item.organisationId)
      throw new PartnerNotFound('The item names no partner; it can only be discarded');
    // The corrected outcome names a project both the administrator and the partner may see;
    // otherwise the answer for a project that does not exist (and nothing more is held). Checked
    // before its contract, so that a correction that also breaks the contract cannot be held
    // under a hidden project for its presence in the quarantine to tell.
    const projectId = projectNamedIn(JSON.stringify(correctedOutcome) ?? '');
    if (projectId !== undefined) {
      await this.requireProject(identity, projectId);
      await this.stores.projects.requireVisible(
        partnerFeedReader(item.organisationId),
        projectId,
        () => new ProjectNotFound(),
      );
    }
    const submissionId = `${item.organisationId}.resubmission-${randomUUID()}`;
    const result = await this.intake.receive({
      organisationId: item.organisationId,
      channel: 'resubmission',
      submissionId,
      itemId: `resubmission:${submissionId}`,
      raw: JSON.stringify(correctedOutcome),
    });
    if (result.kind !== 'accepted')
      throw new PartnerNotFound(
        `The corrected outcome was not accepted: ${'reason' in result ? result.reason : result.kind}`,
      );
    await this.quarantineCommands.handle(
      quarantineStreamId(itemId),
      { type: 'resubmit', submissionId, by: identity.actor.id },
      // About the held input and the correction: as sensitive as either project.
      await this.contextAbout(identity, projectNamedIn(item.received), projectId),
    );
    await this.stores.catchUp();
    return submissionId;
  }

  async discard(identity: Identity, itemId: string, reason: string) {
    requireRole(identity, FEED_ADMINS, 'discard quarantined input');
    // An item naming a project the caller may not see is answered as one that does not exist.
    const item = await this.visibleQuarantinedItem(identity, itemId);
    if (!item) throw new IllegalPartnerTransition('No such quarantined item');
    await this.quarantineCommands.handle(
      quarantineStreamId(itemId),
      { type: 'discard', reason, by: identity.actor.id },
      await this.contextAbout(identity, projectNamedIn(item.received)),
    );
    await this.stores.catchUp();
  }
}

/** The bodies of the documents read that exist (tombstones and misses left out). */
function presentBodies<Body extends object>(
  states: ReadonlyMap<string, { readonly body: Body | null }>,
): Map<string, Body> {
  const bodies = new Map<string, Body>();
  for (const [id, state] of states) if (state.body) bodies.set(id, state.body);
  return bodies;
}
