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
  toGraphAuditEntry,
  identityOf,
  type Identity,
  type RequestContext,
} from '@ebp/platform';
import type { ReadPurpose } from '../access/person-access';
import {
  mayClaimReadPurpose,
  readBackPurpose,
  refusedPurposeMessage,
} from '../access/read-purposes';
import { CommunityApplication, type PersonView } from '../application/community-application';
import type { AuditReport } from '../audits/audit-report';
import type { InvolvementEntry } from '../involvements/projections/involvement.projection';
import type { PersonEntry } from '../people/projections/person-directory.projection';
import { COMMUNITY_RUNTIME, type CommunityRuntime } from './community-runtime';

/** A person in the graph: the directory entry, and the personal fields opened only if asked for. */
export interface GraphPerson extends Omit<PersonEntry, 'sealed'> {
  readonly id: string;
  readonly view: () => Promise<PersonView | undefined>;
}

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

  /** The personal fields are opened (and the read recorded) once, and only if a query selects one. */
  graphPerson(identity: Identity, entry: PersonEntry, purpose: ReadPurpose): GraphPerson {
    let view: Promise<PersonView | undefined> | undefined;
    const { sealed: _sealed, ...rest } = entry;
    return {
      ...rest,
      id: entry.personId,
      view: () => (view ??= this.community.view(identity, [entry], purpose).then(([only]) => only)),
    };
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
    const entry = await this.community.entry(identity, reference.id);
    return entry ? this.graphPerson(identity, entry, 'team_building') : null;
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
    const entries = await this.community.auditTrailOf(await this.identity(context), person.id);
    return entries.map(toGraphAuditEntry);
  }

  /** The projects the person is or was part of, leaving out those the caller may not see. */
  @ResolveField('projects')
  async projects(@Parent() person: GraphPerson, @Context() context: RequestContext) {
    const identity = await this.identity(context);
    return (await this.community.projectsOf(identity, person.id)).map(toGraphInvolvement);
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
