import { Inject } from '@nestjs/common';
import {
  Args,
  Context,
  Parent,
  Query,
  ResolveField,
  ResolveReference,
  Resolver,
} from '@nestjs/graphql';
import {
  ForbiddenError,
  LARGEST_ID_LIST,
  toGraphAuditEntry,
  identityOf,
  loaderKind,
  requestLoader,
  type Identity,
  type RequestContext,
} from '@ebp/platform';
import { ContractViolationError } from '@ebp/contracts';
import type { ReadPurpose } from '../access/person-access';
import {
  AUDIT_TRAIL_PURPOSES,
  mayClaimReadPurpose,
  reachedPersonPurpose,
  readBackPurpose,
  refusedPurposeMessage,
} from '../access/read-purposes';
import { CommunityApplication, type PersonView } from '../application/community-application';
import type { AuditReport } from '../audits/audit-report';
import type { InvolvementEntry } from '../involvements/projections/involvement.projection';
import type { PersonEntry } from '../people/projections/person-directory.projection';
import { entryOf } from './community-loaders';
import { COMMUNITY_RUNTIME, type CommunityRuntime } from './community-runtime';

/** A person in the graph: the directory entry, and the personal fields opened only if asked for. */
export interface GraphPerson extends Omit<PersonEntry, 'sealed'> {
  readonly id: string;
  /** Why they are read: what is reached through them is read no more widely. */
  readonly purpose: ReadPurpose;
  readonly view: () => Promise<PersonView | undefined>;
}

/** A person's opened view for one purpose; the people one request opens are opened together. */
interface ViewRequest {
  readonly entry: PersonEntry;
  readonly purpose: ReadPurpose;
}
/** The projects of the people one request asks about, read together. */
const PROJECTS_OF = loaderKind<string, InvolvementEntry[]>('community.projectsOf');
const VIEWS = loaderKind<ViewRequest, PersonView | undefined>(
  'community.views',
  (request) => `${request.purpose}\u0000${request.entry.personId}`,
);

/** The most people one `people` query reads: a page's worth, and what the cost limit counts. */
const MAX_PEOPLE_BY_ID = LARGEST_ID_LIST;

/** People, their personal fields (visibility and audit in the application) and their projects. */
@Resolver('Person')
export class PersonResolver {
  constructor(
    @Inject(COMMUNITY_RUNTIME) private readonly runtime: CommunityRuntime,
    @Inject(CommunityApplication) private readonly community: CommunityApplication,
  ) {}

  private identity(context: RequestContext): Promise<Identity> {
    return identityOf(this.runtime, context);
  }

  /**
   * The personal fields are opened (and the read recorded) once, and only if a query selects one.
   * Given the request's context, every person of the request opened for the same purpose is
   * opened in one batch (one key read, one read-log entry per person).
   */
  graphPerson(
    identity: Identity,
    entry: PersonEntry,
    purpose: ReadPurpose,
    context?: RequestContext,
  ): GraphPerson {
    let view: Promise<PersonView | undefined> | undefined;
    const { sealed: _sealed, ...rest } = entry;
    const open = () =>
      context
        ? requestLoader(context, VIEWS, (requests) => this.viewsOf(identity, requests)).load({
            entry,
            purpose,
          })
        : this.community.view(identity, [entry], purpose).then(([only]) => only);
    return { ...rest, id: entry.personId, purpose, view: () => (view ??= open()) };
  }

  /** The views of a batch, one `view` call per purpose, in the batch's order. */
  private async viewsOf(
    identity: Identity,
    requests: readonly ViewRequest[],
  ): Promise<(PersonView | undefined)[]> {
    const purposes = [...new Set(requests.map((request) => request.purpose))];
    const opened = new Map<string, PersonView | undefined>();
    for (const purpose of purposes) {
      const entries = requests.filter((request) => request.purpose === purpose);
      const views = await this.community.view(
        identity,
        entries.map((request) => request.entry),
        purpose,
      );
      entries.forEach((request, index) =>
        opened.set(`${purpose}\u0000${request.entry.personId}`, views[index]),
      );
    }
    return requests.map((request) =>
      opened.get(`${request.purpose}\u0000${request.entry.personId}`),
    );
  }

  /**
   * A person read back after a write, as the query `person` reads them, under the first purpose
   * of `preferred` the caller may state for them; null when they may state none (or may not see
   * the person).
   */
  async readBack(
    identity: Identity,
    personId: string,
    preferred: readonly ReadPurpose[],
  ): Promise<GraphPerson | null> {
    const purpose = readBackPurpose(identity, personId, preferred);
    if (!purpose) return null;
    const entry = await this.community.entry(identity, personId);
    return entry ? this.graphPerson(identity, entry, purpose) : null;
  }

  @Query('person')
  async person(
    @Context() context: RequestContext,
    @Args('id') id: string,
    @Args('purpose') purpose: string,
  ) {
    const identity = await this.identity(context);
    const stated = purpose as ReadPurpose;
    // Before the person is looked up: the refusal says nothing about whether they exist.
    if (!mayClaimReadPurpose(identity, stated, id))
      throw new ForbiddenError(refusedPurposeMessage(identity, stated, id));
    const entry = await this.community.entry(identity, id);
    return entry ? this.graphPerson(identity, entry, stated) : null;
  }

  /** People by id: a page names everyone it shows in one request (issue 21). */
  @Query('people')
  async people(
    @Context() context: RequestContext,
    @Args('ids', { type: () => [String] }) ids: readonly string[],
    @Args('purpose') purpose: string,
  ) {
    const identity = await this.identity(context);
    if (ids.length > MAX_PEOPLE_BY_ID)
      throw new ContractViolationError('people', [
        { path: 'ids', message: `at most ${MAX_PEOPLE_BY_ID} people may be read at once` },
      ]);
    const stated = purpose as ReadPurpose;
    // Every id is checked before any is looked up, as person does for one.
    for (const id of ids)
      if (!mayClaimReadPurpose(identity, stated, id))
        throw new ForbiddenError(refusedPurposeMessage(identity, stated, id));
    const entries = await this.community.entries(identity, ids);
    return ids.map((id) => {
      const entry = entries.get(id);
      return entry ? this.graphPerson(identity, entry, stated, context) : null;
    });
  }

  @Query('experts')
  async experts(
    @Context() context: RequestContext,
    @Args('methods') methods?: string[],
    @Args('topics') topics?: string[],
    @Args('unit') unit?: string,
    @Args('minimumLevel') minimumLevel?: number,
  ) {
    const identity = await this.identity(context);
    const ranked = await this.community.rankExperts(identity, {
      ...(methods ? { methods } : {}),
      ...(topics ? { topics } : {}),
      ...(unit ? { unit } : {}),
      ...(minimumLevel === undefined || minimumLevel === null ? {} : { minimumLevel }),
    });
    return ranked.map(({ entry, ranked: rank }) => ({
      person: this.graphPerson(identity, entry, 'expertise_search'),
      score: rank.score,
      matchedMethods: Object.entries(rank.matched.methods).map(([method, level]) => ({
        method,
        level,
      })),
      matchedTopics: rank.matched.topics,
    }));
  }

  @Query('champions')
  async champions(@Context() context: RequestContext, @Args('unit') unit?: string) {
    const identity = await this.identity(context);
    const entries = await this.community.championEntries(identity, unit ?? undefined);
    return entries.map((entry) => this.graphPerson(identity, entry, 'expertise_search'));
  }

  @Query('skillsAuditReport')
  async skillsAuditReport(@Context() context: RequestContext, @Args('id') id: string) {
    const report = await this.community.auditReport(await this.identity(context), id);
    return report ? toGraphReport(report) : null;
  }

  @Query('personalReads')
  async personalReads(@Context() context: RequestContext, @Args('personId') personId: string) {
    const reads = await this.community.personalReadsOf(await this.identity(context), personId);
    return reads;
  }

  /** `_entities`: a person referenced from another subgraph, e.g. a project's team. */
  @ResolveReference()
  async resolveReference(reference: { id: string }, context: RequestContext) {
    const identity = await this.identity(context);
    const entry = await entryOf(this.community, identity, context, reference.id);
    const purpose = reachedPersonPurpose(identity, 'team_building', reference.id);
    return entry ? this.graphPerson(identity, entry, purpose, context) : null;
  }

  @ResolveField('name')
  async name(@Parent() person: GraphPerson) {
    return (await person.view())?.personal.name ?? null;
  }

  @ResolveField('contact')
  async contact(@Parent() person: GraphPerson) {
    return (await person.view())?.personal.contact ?? null;
  }

  @ResolveField('credentials')
  async credentials(@Parent() person: GraphPerson) {
    return (await person.view())?.personal.credentials ?? null;
  }

  @ResolveField('orcid')
  async orcid(@Parent() person: GraphPerson) {
    return (await person.view())?.personal.orcid ?? null;
  }

  @ResolveField('auditTrail')
  async auditTrail(@Parent() person: GraphPerson, @Context() context: RequestContext) {
    // The history holds every personal field: it goes only with a purpose that needs it.
    if (!AUDIT_TRAIL_PURPOSES.includes(person.purpose))
      throw new ForbiddenError(
        `A person's change history is read only for ${AUDIT_TRAIL_PURPOSES.join(', ')}; this person was read for ${person.purpose}`,
      );
    const entries = await this.community.auditTrailOf(await this.identity(context), person.id);
    return entries.map(toGraphAuditEntry);
  }

  /** The projects the person is or was part of, leaving out those the caller may not see. */
  @ResolveField('projects')
  async projects(@Parent() person: GraphPerson, @Context() context: RequestContext) {
    const identity = await this.identity(context);
    const involvements = await requestLoader(context, PROJECTS_OF, async (personIds) => {
      const found = await this.community.projectsOfMany(identity, personIds);
      return personIds.map((id) => found.get(id) ?? []);
    }).load(person.id);
    // The team reached through the person's projects is read for no wider purpose than they were.
    return involvements.map((entry) => ({
      ...toGraphInvolvement(entry),
      readPurpose: person.purpose,
    }));
  }
}

/**
 * An involvement for the graph; its person is read for team building unless a `readPurpose` is
 * added (null: no person is read).
 */
export function toGraphInvolvement(entry: InvolvementEntry) {
  return {
    ...entry,
    project: { __typename: 'ResearchProject', id: entry.projectId },
    personId: entry.personId,
  };
}

/** The skills audit report for the graph: the responses by unit as a list, by unit name. */
function toGraphReport(report: AuditReport) {
  return {
    ...report,
    responsesByUnit: Object.entries(report.responsesByUnit)
      .map(([unit, responses]) => ({ unit, responses }))
      .sort((a, b) => a.unit.localeCompare(b.unit)),
  };
}
