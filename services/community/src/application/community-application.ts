import { COMMUNITY_CLASSIFICATION } from '../access/community-classification';
import type { ReferenceGuard } from '@ebp/access';
import { community } from '@ebp/contracts';
import {
  auditTrail,
  bodiesByKey,
  type AuditEntry,
  CommandHandler,
  commandContextFor,
  loadState,
  type CommandContext,
  type DocumentCollection,
  type EventStore,
  type PersonalData,
  type SubjectKeyStore,
} from '@ebp/eventing';
import {
  currentCorrelationId,
  ForbiddenError,
  hasRole,
  type Identity,
  type Page,
  type PageRequest,
  pageWindow,
  requireRole,
  type Role,
} from '@ebp/platform';
import {
  mayEditProfile,
  mayReadPersonalReadLog,
  fieldsForPurpose,
  visiblePersonalFields,
  type PersonalField,
  type ReadPurpose,
} from '../access/person-access';
import type { PersonalRead, PersonalReadLog } from '../access/personal-read-log';
import { londonDay } from '../audits/audit-day';
import { auditReport, type AuditReport } from '../audits/audit-report';
import {
  auditResponseId,
  type AuditResponse,
} from '../audits/projections/audit-responses.projection';
import type { SkillsAuditEntry } from '../audits/projections/skills-audits.projection';
import { auditDecider } from '../audits/skills-audit.decider';
import type { SurveyBallots } from '../benchmarking/ballots';
import type { SurveyCampaignEntry } from '../benchmarking/projections/survey-campaigns.projection';
import type { AwardRoundEntry } from '../awards/projections/award-rounds.projection';
import {
  rankExperts,
  suggestTeam,
  teamNeedOf,
  type ExpertiseQuery,
  type ProjectBrief,
  type TeamMember,
  type TeamNeed,
} from '../expertise/expertise';
import { InvolvementCommands } from '../involvements/involvement.handler';
import type { InvolvementEntry } from '../involvements/projections/involvement.projection';
import { PersonNotFound } from '../people/person.errors';
import type { PersonCommand } from '../people/person.decider';
import { PersonCommands } from '../people/person.handler';
import {
  personStreamId,
  type PersonEntry,
} from '../people/projections/person-directory.projection';
import {
  REACHED_PERSON_FIELDS,
  isStaff,
  requireStaff,
  seesAsStaff,
  withoutStaffDetails,
} from './partner-reach';
import { requireVisibleProjects, visibleProjects } from './project-references';

/** Who reads skills audits and their reports. */
const AUDIT_READERS: readonly Role[] = ['committee', 'admin', 'reviewer'];

/** An open skills audit asking the caller's unit, with the caller's own answers so far. */
export interface SkillsAuditToAnswer {
  readonly audit: SkillsAuditEntry;
  /** Empty until the caller answers; a later answer replaces an earlier one. */
  readonly answers: AuditResponse['answers'];
}

/** Which skills audits to list; every condition given must hold. */
export interface SkillsAuditFilter {
  readonly status?: 'open' | 'closed';
  /** Audits that ask this unit. */
  readonly unit?: string;
}

const TALENT_POOL_READERS: readonly Role[] = [
  'viewer',
  'researcher',
  'reviewer',
  'committee',
  'admin',
];

export interface CommunityStores {
  /** The sealing store (commands); `store.inner` is what projectors and the relay read. */
  readonly store: EventStore;
  readonly keys: SubjectKeyStore;
  readonly personal: PersonalData;
  readonly readLog: PersonalReadLog;
  readonly people: () => Promise<DocumentCollection<PersonEntry>>;
  readonly involvements: () => Promise<DocumentCollection<InvolvementEntry>>;
  readonly auditResponses: () => Promise<DocumentCollection<AuditResponse>>;
  /** The skills audits, for the list of audits. */
  readonly skillsAudits: () => Promise<DocumentCollection<SkillsAuditEntry>>;
  /** The survey campaigns with their tallies (decision 0038). */
  readonly surveyCampaigns: () => Promise<DocumentCollection<SurveyCampaignEntry>>;
  /** The keyed hash of survey ballots; none: surveys take no answers. */
  readonly surveyBallots: SurveyBallots | undefined;
  /** The award rounds, for the list of rounds (a round by id is folded from its stream). */
  readonly awardRounds: () => Promise<DocumentCollection<AwardRoundEntry>>;
  /**
   * The register's projects as far as need-to-know goes (DESIGN.md §5): a reference to a project
   * the caller may not see is left out, and a write naming one is refused as for a missing one.
   */
  readonly projects: ReferenceGuard;
  readonly catchUp: () => Promise<void>;
  readonly now: () => Date;
}

/** A person as a caller may see them: personal fields only where allowed, others absent. */
export interface PersonView extends Omit<PersonEntry, 'sealed'> {
  readonly personal: Partial<{
    name: unknown;
    contact: unknown;
    credentials: unknown;
    orcid: unknown;
  }>;
  /** Which personal fields the caller may see (and which were read, audited). */
  readonly visibleFields: readonly PersonalField[];
}

type ErasureReason = Extract<PersonCommand, { type: 'erase' }>['reason'];

/**
 * The community's use cases, with the rules on personal data applied on every path: a caller sees
 * only the personal fields their role allows, and every personal field returned is recorded in
 * the read log with the caller, the person, the fields and the stated purpose.
 */
export class CommunityApplication {
  private readonly people: PersonCommands;
  private readonly involvementCommands: InvolvementCommands;
  private readonly audits: CommandHandler<
    Parameters<typeof auditDecider.decide>[0],
    Parameters<typeof auditDecider.evolve>[1],
    ReturnType<typeof auditDecider.initialState>
  >;

  constructor(private readonly stores: CommunityStores) {
    this.people = new PersonCommands(stores.store, stores.keys);
    this.involvementCommands = new InvolvementCommands(stores.store);
    this.audits = new CommandHandler(stores.store, auditDecider);
  }

  private context(identity: Identity): CommandContext {
    return commandContextFor(identity.actor, this.stores.now(), COMMUNITY_CLASSIFICATION);
  }

  private today(): string {
    return this.stores.now().toISOString().slice(0, 10);
  }

  /** Reads ----------------------------------------------------------------------------------- */

  /**
   * Views of people, with personal fields opened where allowed and each read recorded. A caller
   * outside the staff sees only the names of the people within its reach, and nothing else.
   */
  async view(
    identity: Identity,
    entries: readonly PersonEntry[],
    purpose: ReadPurpose,
  ): Promise<PersonView[]> {
    const reached = await this.reachOf(
      identity,
      entries.map((entry) => entry.personId),
    );
    const shown = entries.map((entry) => {
      const asStaff = seesAsStaff(identity, entry.personId);
      const { sealed, ...rest } = asStaff ? entry : withoutStaffDetails(entry);
      const visible =
        entry.status !== 'active'
          ? []
          : asStaff
            ? fieldsForPurpose(purpose, visiblePersonalFields(identity, entry))
            : reached.has(entry.personId)
              ? fieldsForPurpose(purpose, REACHED_PERSON_FIELDS)
              : [];
      const opened = visible.flatMap((field) => {
        const value = sealed[field];
        return value ? [{ field, value }] : [];
      });
      return { entry, rest, opened };
    });
    // Every key the list needs, read in one round trip.
    const values = await this.stores.personal.openMany(
      shown.flatMap(({ opened }) => opened.map(({ value }) => value)),
    );
    let next = 0;
    const views: PersonView[] = [];
    const reads: Parameters<PersonalReadLog['record']>[0][number][] = [];
    for (const { entry, rest, opened } of shown) {
      const personal: Record<string, unknown> = {};
      for (const { field } of opened) personal[field] = values[next++];
      const read = opened
        .map(({ field }) => field)
        .filter((field) => personal[field] !== undefined);
      if (read.length > 0)
        reads.push({
          readerId: identity.actor.id,
          subjectId: entry.personId,
          fields: read,
          purpose,
          correlationId: currentCorrelationId() ?? null,
        });
      views.push({ ...rest, personal, visibleFields: read });
    }
    await this.stores.readLog.record(reads);
    return views;
  }

  async person(
    identity: Identity,
    personId: string,
    purpose: ReadPurpose,
  ): Promise<PersonView | undefined> {
    const found = await this.entry(identity, personId);
    if (!found) return undefined;
    const self = identity.actor.kind === 'person' && identity.actor.id === personId;
    const [view] = await this.view(identity, [found], self ? 'self_service' : purpose);
    return view;
  }

  /**
   * The people among these that a caller outside the staff may learn of: those who are or were
   * on the team of a research project the caller may see. Staff (and a person reading their own
   * profile) see the talent pool whole, so it is not asked for them.
   */
  private async reachOf(identity: Identity, personIds: readonly string[]): Promise<Set<string>> {
    const wanted = [...new Set(personIds)].filter((id) => !seesAsStaff(identity, id));
    if (wanted.length === 0) return new Set();
    const found = await (
      await this.stores.involvements()
    ).find({ filter: { personId: { $in: wanted } }, total: false });
    const involvements = found.items.map((item) => item.body);
    const visible = await this.stores.projects.visibleIds(
      identity,
      involvements.map((involvement) => involvement.projectId),
    );
    return new Set(
      involvements
        .filter((involvement) => visible.has(involvement.projectId))
        .map((involvement) => involvement.personId),
    );
  }

  /** Who read a person's personal fields, when, which and why: for the person or an administrator. */
  async personalReadsOf(identity: Identity, personId: string): Promise<PersonalRead[]> {
    if (!mayReadPersonalReadLog(identity, personId))
      throw new ForbiddenError('Only the person or an administrator may see who read their data');
    return this.stores.readLog.readsOf(personId);
  }

  /**
   * Who changed a person's record, when and why, oldest first: for the person or an
   * administrator. Personal fields read as the store opens them (redaction markers once erased),
   * and the read is recorded like any other.
   */
  async auditTrailOf(identity: Identity, personId: string): Promise<AuditEntry[]> {
    if (!mayReadPersonalReadLog(identity, personId))
      throw new ForbiddenError(
        "Only the person or an administrator may see a person's audit trail",
      );
    const entries = await auditTrail(this.stores.store, personStreamId(personId));
    if (entries.length > 0)
      await this.stores.readLog.record([
        {
          readerId: identity.actor.id,
          subjectId: personId,
          fields: [...community.PERSONAL_FIELDS],
          purpose: 'governance',
          correlationId: currentCorrelationId() ?? null,
        },
      ]);
    return entries;
  }

  /**
   * The directory entry as the caller may see it (personal fields sealed), for the graph to open
   * lazily through `view`. A caller outside the staff learns only of the people within its reach
   * (asked first, so an unknown person and one out of reach answer alike), without staff details.
   */
  async entry(identity: Identity, personId: string): Promise<PersonEntry | undefined> {
    return (await this.entries(identity, [personId])).get(personId);
  }

  /** `entry` for many people at once: the reach asked and the directory read once for all. */
  async entries(
    identity: Identity,
    personIds: readonly string[],
  ): Promise<Map<string, PersonEntry>> {
    const wanted = [...new Set(personIds)];
    const reached = await this.reachOf(identity, wanted);
    const readable = wanted.filter((id) => seesAsStaff(identity, id) || reached.has(id));
    if (readable.length === 0) return new Map();
    const found = await (await this.stores.people()).getMany(readable);
    const entries = new Map<string, PersonEntry>();
    for (const id of readable) {
      const body = found.get(id)?.body;
      if (body) entries.set(id, seesAsStaff(identity, id) ? body : withoutStaffDetails(body));
    }
    return entries;
  }

  /** The expertise finder's ranking, with entries (nothing personal opened yet). */
  async rankExperts(identity: Identity, query: ExpertiseQuery) {
    requireStaff(identity, TALENT_POOL_READERS, 'search the talent pool');
    const people = await this.activePeople();
    const byId = new Map(people.map((person) => [person.personId, person]));
    return rankExperts(people, query)
      .slice(0, 50)
      .map((ranked) => ({ ranked, entry: byId.get(ranked.personId)! }));
  }

  /** The EBP champions (of a unit): who champions what is staff data, none for anyone else. */
  async championEntries(identity: Identity, unit?: string): Promise<PersonEntry[]> {
    if (!isStaff(identity)) return [];
    return (await this.activePeople()).filter((person) =>
      person.championships.some((championship) => unit === undefined || championship.area === unit),
    );
  }

  async findExperts(identity: Identity, query: ExpertiseQuery) {
    requireStaff(identity, TALENT_POOL_READERS, 'search the talent pool');
    const people = await this.activePeople();
    const ranked = rankExperts(people, query).slice(0, 50);
    const byId = new Map(people.map((person) => [person.personId, person]));
    const views = await this.view(
      identity,
      ranked.map((entry) => byId.get(entry.personId)!),
      'expertise_search',
    );
    return ranked.map((entry, index) => ({ ...entry, person: views[index]! }));
  }

  async suggestTeam(identity: Identity, need: TeamNeed) {
    const suggested = await this.suggestTeamEntries(identity, () => need);
    const views = await this.view(
      identity,
      suggested.map(({ entry }) => entry),
      'team_building',
    );
    return suggested.map(({ member }, index) => ({ ...member, person: views[index]! }));
  }

  /**
   * A team for a register project, from its methods, owning unit and the topics it mentions;
   * personal fields are left to the caller to open (and audit) if they are wanted.
   */
  suggestTeamFor(identity: Identity, project: ProjectBrief, size?: number) {
    return this.suggestTeamEntries(identity, (people) => teamNeedOf(project, people, size));
  }

  private async suggestTeamEntries(
    identity: Identity,
    needOf: (people: PersonEntry[]) => TeamNeed,
  ): Promise<{ member: TeamMember; entry: PersonEntry }[]> {
    requireStaff(identity, ['researcher', 'committee', 'admin'], 'suggest a research team');
    const people = await this.activePeople();
    const byId = new Map(people.map((person) => [person.personId, person]));
    return suggestTeam(people, needOf(people)).map((member) => ({
      member,
      entry: byId.get(member.personId)!,
    }));
  }

  async champions(identity: Identity, unit?: string): Promise<PersonView[]> {
    return this.view(identity, await this.championEntries(identity, unit), 'expertise_search');
  }

  /**
   * ResearchProject.team: everyone who is or was part of the project. None when the caller may not
   * see the project (the register resolves only projects the caller may see; this holds on any path).
   */
  async team(identity: Identity, projectId: string): Promise<InvolvementEntry[]> {
    return (await this.teams(identity, [projectId])).get(projectId) ?? [];
  }

  /** `team` for many projects: the audiences and the involvements read once for all of them. */
  async teams(
    identity: Identity,
    projectIds: readonly string[],
  ): Promise<Map<string, InvolvementEntry[]>> {
    const visible = await visibleProjects(this.stores.projects, identity, projectIds);
    const found = await bodiesByKey(
      this.stores.involvements(),
      [...visible],
      { field: 'projectId', match: 'value', keysOf: (involvement) => [involvement.projectId] },
      {
        sort: [
          { field: 'from', direction: 'asc' },
          { field: 'personId', direction: 'asc' },
        ],
      },
    );
    return new Map(projectIds.map((id) => [id, found.get(id) ?? []]));
  }

  /**
   * Person.projects: the projects a person is or was part of, leaving out those the caller may not
   * see (a reference to a project is the project's data: DESIGN.md §5).
   */
  async projectsOf(identity: Identity, personId: string): Promise<InvolvementEntry[]> {
    return (await this.projectsOfMany(identity, [personId])).get(personId) ?? [];
  }

  /** `projectsOf` for many people: the involvements and the audiences read once for all. */
  async projectsOfMany(
    identity: Identity,
    personIds: readonly string[],
  ): Promise<Map<string, InvolvementEntry[]>> {
    const found = await bodiesByKey(
      this.stores.involvements(),
      personIds,
      { field: 'personId', match: 'value', keysOf: (involvement) => [involvement.personId] },
      { sort: [{ field: 'from', direction: 'desc' }] },
    );
    const visible = await this.stores.projects.visibleIds(
      identity,
      [...found.values()].flat().map((involvement) => involvement.projectId),
    );
    return new Map(
      [...found].map(([personId, involvements]) => [
        personId,
        involvements.filter((involvement) => visible.has(involvement.projectId)),
      ]),
    );
  }

  private async activePeople(): Promise<PersonEntry[]> {
    const found = await (await this.stores.people()).find({ filter: { status: 'active' } });
    return found.items.map((item) => item.body);
  }

  /** Writes ---------------------------------------------------------------------------------- */

  /**
   * Writes to a person answer the person's version after the change (what `expectedVersion`
   * compares with).
   */
  async registerPerson(identity: Identity, personId: string, profile: unknown): Promise<number> {
    if (!mayEditProfile(identity, personId))
      throw new ForbiddenError('People register themselves, or an administrator registers them');
    const { streamVersion } = await this.people.execute(
      personId,
      { type: 'register', personId, profile, by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
    return streamVersion;
  }

  async updateProfile(
    identity: Identity,
    personId: string,
    changes: unknown,
    expectedVersion?: number,
  ): Promise<number> {
    if (!mayEditProfile(identity, personId))
      throw new ForbiddenError('Only the person, or an administrator, may change a profile');
    const { streamVersion } = await this.people.execute(
      personId,
      { type: 'update-profile', changes, by: identity.actor.id },
      this.context(identity),
      expectedVersion,
    );
    await this.stores.catchUp();
    return streamVersion;
  }

  async verifySkill(
    identity: Identity,
    personId: string,
    method: string,
    level: number,
  ): Promise<number> {
    requireRole(identity, ['reviewer', 'committee', 'admin'], 'verify skills');
    const { streamVersion } = await this.people.execute(
      personId,
      { type: 'verify-skill', method, level, by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
    return streamVersion;
  }

  async appointChampion(
    identity: Identity,
    personId: string,
    area: string,
    from: string,
    until?: string,
  ): Promise<number> {
    requireRole(identity, ['committee', 'admin'], 'appoint EBP champions');
    const { streamVersion } = await this.people.execute(
      personId,
      { type: 'appoint-champion', area, from, ...(until ? { until } : {}), by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
    return streamVersion;
  }

  async erase(identity: Identity, personId: string, reason: ErasureReason) {
    requireRole(identity, ['admin'], 'erase a person');
    await this.people.erase(
      personId,
      { type: 'erase', reason, by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  async joinProject(identity: Identity, personId: string, projectId: string, role: string) {
    const self = identity.actor.kind === 'person' && identity.actor.id === personId;
    if (!self)
      requireStaff(identity, ['researcher', 'committee', 'admin'], 'add someone else to a project');
    // A project the caller may not see answers as a missing one, before any check that could tell
    // them apart (whether the person is already part of it).
    await requireVisibleProjects(this.stores.projects, identity, [projectId]);
    if ((await (await this.stores.people()).get(personId))?.body.status !== 'active')
      throw new PersonNotFound(`No person ${personId} in the talent pool`);
    await this.involvementCommands.execute(
      { type: 'join', personId, projectId, role, from: this.today(), by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  /** Skills audits ------------------------------------------------------------------------ */

  async launchAudit(identity: Identity, auditId: string, audit: unknown): Promise<void> {
    requireRole(identity, ['committee', 'admin'], 'launch a skills audit');
    await this.audits.handle(
      auditStreamId(auditId),
      { type: 'launch', auditId, audit, by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  /**
   * A person answers for themselves; their unit comes from their profile, not from the caller.
   * Answers the person's answers as recorded (a later answer replaces an earlier one).
   */
  async answerAudit(
    identity: Identity,
    auditId: string,
    answers: unknown,
  ): Promise<AuditResponse['answers']> {
    const personId = identity.actor.id;
    const person = (await (await this.stores.people()).get(personId))?.body;
    if (identity.actor.kind !== 'person' || person?.status !== 'active' || !person.unit)
      throw new PersonNotFound('Only people in the talent pool answer skills audits');
    await this.audits.handle(
      auditStreamId(auditId),
      // London's day, as skillsAuditsToAnswer counts it: what is listed can be answered.
      { type: 'answer', personId, unit: person.unit, answers, today: londonDay(this.stores.now()) },
      // One answer per person per audit and command: a retried answer is stored once.
      this.context(identity),
    );
    await this.stores.catchUp();
    const recorded = await (
      await this.stores.auditResponses()
    ).get(auditResponseId(auditId, personId));
    return recorded?.body.answers ?? [];
  }

  /**
   * The audits the caller may answer now: open, today (London's day) between their opening and
   * closing days, and asking the caller's unit, soonest closing first (then by id), each with the
   * caller's own answers so far. None for anyone outside the talent pool (a partner, a service,
   * a member of staff without an active profile or a unit).
   */
  async skillsAuditsToAnswer(identity: Identity): Promise<SkillsAuditToAnswer[]> {
    if (!isStaff(identity)) return [];
    const personId = identity.actor.id;
    const person = (await (await this.stores.people()).get(personId))?.body;
    if (person?.status !== 'active' || !person.unit) return [];
    const today = londonDay(this.stores.now());
    const found = await (
      await this.stores.skillsAudits()
    ).find({
      filter: {
        status: 'open',
        targetUnits: { $contains: person.unit },
        opensOn: { $lte: today },
        closesOn: { $gte: today },
      },
      sort: [{ field: 'closesOn', direction: 'asc' }],
      total: false,
    });
    const audits = found.items.map((item) => item.body);
    const responses = await (
      await this.stores.auditResponses()
    ).getMany(audits.map((audit) => auditResponseId(audit.auditId, personId)));
    return audits.map((audit) => ({
      audit,
      answers: responses.get(auditResponseId(audit.auditId, personId))?.body?.answers ?? [],
    }));
  }

  async closeAudit(identity: Identity, auditId: string): Promise<void> {
    requireRole(identity, ['committee', 'admin'], 'close a skills audit');
    await this.audits.handle(
      auditStreamId(auditId),
      { type: 'close', by: identity.actor.id },
      this.context(identity),
    );
    await this.stores.catchUp();
  }

  /**
   * The skills audits, most recently opening first (then by id), for those who read their
   * reports: the list is refused to anyone else, as a report is.
   */
  async skillsAudits(
    identity: Identity,
    query: { readonly filter?: SkillsAuditFilter } & PageRequest = {},
  ): Promise<Page<SkillsAuditEntry>> {
    requireRole(identity, AUDIT_READERS, 'list skills audits');
    const { status, unit } = query.filter ?? {};
    const found = await (
      await this.stores.skillsAudits()
    ).find({
      filter: {
        ...(status ? { status } : {}),
        ...(unit ? { targetUnits: { $contains: unit } } : {}),
      },
      sort: [{ field: 'opensOn', direction: 'desc' }],
      ...pageWindow(query),
    });
    return { items: found.items.map((item) => item.body), total: found.total };
  }

  /** Whether the caller reads skills audits and their reports. */
  mayReadSkillsAudits(identity: Identity): boolean {
    return hasRole(identity, AUDIT_READERS);
  }

  /** One skills audit as the list shows it, for those who read the list (refused to others). */
  async skillsAudit(identity: Identity, auditId: string): Promise<SkillsAuditEntry | undefined> {
    requireRole(identity, AUDIT_READERS, 'read skills audits');
    return (await (await this.stores.skillsAudits()).get(auditId))?.body;
  }

  async auditReport(identity: Identity, auditId: string): Promise<AuditReport | undefined> {
    requireRole(identity, AUDIT_READERS, 'read skills audit reports');
    const { state } = await loadState(this.stores.store, auditDecider, auditStreamId(auditId));
    if (state.status === 'none') return undefined;
    const responses = await (await this.stores.auditResponses()).find({ filter: { auditId } });
    return auditReport(
      auditId,
      state.audit,
      responses.items.map((item) => item.body),
    );
  }
}

const auditStreamId = (auditId: string) => `audit:${auditId}`;
