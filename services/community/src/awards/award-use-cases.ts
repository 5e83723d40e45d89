import { COMMUNITY_CLASSIFICATION } from '../access/community-classification';
import { CommandHandler, commandContextFor, isRedacted, isSealed, loadState } from '@ebp/eventing';
import {
  currentCorrelationId,
  type Identity,
  type Page,
  type PageRequest,
  pageWindow,
  requireRole,
} from '@ebp/platform';
import {
  AWARD_PANEL,
  mayReadCitations,
  maySeeApplication,
  maySeeNomination,
} from '../access/award-access';
import { personIdOf } from '../access/roles';
import type { CommunityStores } from '../application/community-application';
import { isStaff } from '../application/partner-reach';
import {
  projectIdOfApplication,
  projectIdsOfNomination,
  requireVisibleProjects,
} from '../application/project-references';
import { PersonNotFound } from '../people/person.errors';
import type { AwardRoundState, ApplicationState, NominationState } from './award-round';
import {
  AwardEntryNotFound,
  awardRoundDecider,
  decideAwardRound,
  type AwardRoundCommand,
} from './award-round.decider';
import { awardRoundRecordOf, type AwardRoundRecord } from './projections/award-rounds.projection';

export const awardRoundStreamId = (roundId: string): string => `award-round:${roundId}`;

/** A round as a caller may see it; the citation opened (or opened on demand) for the panel. */
export interface AwardRoundView<Citation = string | null> {
  readonly id: string;
  readonly title: string;
  readonly status: 'open' | 'closed';
  readonly opensOn: string;
  readonly closesOn: string;
  readonly fundBudget: number;
  readonly fundCommitted: number;
  readonly nominations: (NominationState & { id: string; citation: Citation })[];
  readonly applications: (ApplicationState & { id: string })[];
}

/** Which rounds to list; every condition given must hold. */
export interface AwardRoundFilter {
  readonly status?: 'open' | 'closed';
  /**
   * Rounds with a fund to apply to (a budget above £0), or award-only rounds (£0: the decider
   * refuses every application, each asking for at least £1).
   */
  readonly hasFund?: boolean;
}

/**
 * The Commissioner's EBP award and fund: the EBP Committee opens a round, colleagues nominate
 * people for the award and staff apply to the fund while it is open, and the committee decides
 * each entry once the round closes. Citations are sealed under the nominee's key; the committee's
 * reads of them are recorded in the personal-read log.
 */
export class CommunityAwards {
  private readonly handler: CommandHandler<
    AwardRoundCommand,
    Parameters<typeof awardRoundDecider.evolve>[1],
    AwardRoundState
  >;

  constructor(private readonly stores: CommunityStores) {
    this.handler = new CommandHandler(stores.store, awardRoundDecider);
  }

  private async handle(identity: Identity, roundId: string, command: AwardRoundCommand) {
    await this.handler.handle(
      awardRoundStreamId(roundId),
      command,
      commandContextFor(identity.actor, this.stores.now(), COMMUNITY_CLASSIFICATION),
    );
    // The list of rounds reads a projection: a client reads its own writes there too.
    await this.stores.catchUp();
  }

  private today(): string {
    return this.stores.now().toISOString().slice(0, 10);
  }

  private async requireActivePerson(personId: string, what: string): Promise<void> {
    if ((await (await this.stores.people()).get(personId))?.body.status !== 'active')
      throw new PersonNotFound(`${what} must be in the talent pool`);
  }

  async open(identity: Identity, roundId: string, round: unknown): Promise<void> {
    requireRole(identity, AWARD_PANEL, 'open an award round');
    await this.handle(identity, roundId, { type: 'open', roundId, round, by: identity.actor.id });
  }

  async nominate(
    identity: Identity,
    roundId: string,
    nominationId: string,
    nomination: {
      readonly nomineeId: string;
      readonly citation: string;
      readonly projectIds?: readonly string[];
    },
  ): Promise<void> {
    const by = personIdOf(identity, 'nominate a colleague');
    await this.requireActivePerson(nomination.nomineeId, 'The nominee');
    // Before the decider's checks: a hidden project answers exactly as a missing one.
    await requireVisibleProjects(
      this.stores.projects,
      identity,
      projectIdsOfNomination(nomination),
    );
    await this.handle(identity, roundId, {
      type: 'nominate',
      nominationId,
      nomination,
      by,
      today: this.today(),
    });
  }

  async apply(
    identity: Identity,
    roundId: string,
    applicationId: string,
    application: unknown,
  ): Promise<void> {
    const by = personIdOf(identity, 'apply to the fund');
    await this.requireActivePerson(by, 'An applicant');
    const projectId = projectIdOfApplication(application);
    if (projectId !== undefined)
      await requireVisibleProjects(this.stores.projects, identity, [projectId]);
    await this.handle(identity, roundId, {
      type: 'apply',
      applicationId,
      application,
      by,
      today: this.today(),
    });
  }

  async close(identity: Identity, roundId: string): Promise<void> {
    requireRole(identity, AWARD_PANEL, 'close an award round');
    await this.handle(identity, roundId, { type: 'close', by: identity.actor.id });
  }

  async decideNomination(
    identity: Identity,
    roundId: string,
    nominationId: string,
    outcome: string,
    reason: string,
  ): Promise<void> {
    requireRole(identity, AWARD_PANEL, 'decide nominations');
    await this.handle(identity, roundId, {
      type: 'decide-nomination',
      nominationId,
      outcome,
      reason,
      by: identity.actor.id,
    });
  }

  async decideApplication(
    identity: Identity,
    roundId: string,
    applicationId: string,
    outcome: string,
    reason: string,
    amountAwarded?: number,
  ): Promise<void> {
    requireRole(identity, AWARD_PANEL, 'decide fund applications');
    const command: AwardRoundCommand = {
      type: 'decide-application',
      applicationId,
      outcome,
      reason,
      ...(amountAwarded === undefined ? {} : { amountAwarded }),
      by: identity.actor.id,
    };
    await this.refuseHiddenApplication(identity, roundId, applicationId, command);
    await this.handle(identity, roundId, command);
  }

  /**
   * An application naming a project the actor may not see is, to them, one that does not exist
   * (it is left out of the round they see): the decider answers as it would without it.
   */
  private async refuseHiddenApplication(
    identity: Identity,
    roundId: string,
    applicationId: string,
    command: AwardRoundCommand,
  ): Promise<void> {
    const { state } = await loadState(
      this.stores.store,
      awardRoundDecider,
      awardRoundStreamId(roundId),
    );
    if (state.status === 'none') return;
    const projectId = state.applications[applicationId]?.application.projectId;
    if (projectId === undefined || (await this.stores.projects.canSee(identity, projectId))) return;
    const { [applicationId]: _hidden, ...others } = state.applications;
    decideAwardRound(command, { ...state, applications: others });
    throw new AwardEntryNotFound(`No application ${applicationId}`);
  }

  /**
   * A round as the caller may see it; citations opened (and logged) for the panel only. A project
   * the caller may not see is left out: from a nomination's projects, and with the fund
   * applications naming it (and what was awarded to them, from the sum committed). The entries
   * name members of staff, so a caller outside the staff (a partner) sees none of them.
   */
  async round(identity: Identity, roundId: string): Promise<AwardRoundView | undefined> {
    const { state } = await loadState(
      this.stores.store,
      awardRoundDecider,
      awardRoundStreamId(roundId),
    );
    if (state.status === 'none') return undefined;
    const [view] = await this.visibleRounds(identity, [awardRoundRecordOf(state)]);
    const citations = mayReadCitations(identity)
      ? await this.citations(identity, roundId, new Set(view!.nominations.map(({ id }) => id)))
      : new Map<string, string>();
    return {
      ...view!,
      nominations: view!.nominations.map((nomination) => ({
        ...nomination,
        citation: citations.get(nomination.id) ?? null,
      })),
    };
  }

  /**
   * The list of rounds, most recently opening first (then by id), each as `round` shows it: the
   * same rules for every entry and every project reference, applied to the page at once. Every
   * caller who may read a round by id sees every round; only their entries differ. A citation is
   * opened (and its read logged) only when the panel asks for it.
   */
  async rounds(
    identity: Identity,
    query: { readonly filter?: AwardRoundFilter } & PageRequest = {},
  ): Promise<Page<AwardRoundView<() => Promise<string | null>>>> {
    const { status, hasFund } = query.filter ?? {};
    const found = await (
      await this.stores.awardRounds()
    ).find({
      filter: {
        ...(status ? { status } : {}),
        ...(hasFund === undefined ? {} : { 'round.fundBudget': hasFund ? { $gt: 0 } : 0 }),
      },
      sort: [{ field: 'round.opensOn', direction: 'desc' }],
      ...pageWindow(query),
    });
    const entries = found.items.map((item) => item.body);
    const views = await this.visibleRounds(identity, entries);
    const panel = mayReadCitations(identity);
    return {
      total: found.total,
      items: views.map((view, index) => {
        const sealed = new Map(
          entries[index]!.nominations.map((nomination) => [
            nomination.nominationId,
            nomination.citation,
          ]),
        );
        let opened: Promise<Map<string, string>> | undefined;
        const citations = () =>
          (opened ??= this.openCitations(
            identity,
            view.nominations.map((nomination) => ({
              nominationId: nomination.id,
              nomineeId: nomination.nomineeId,
              sealed: sealed.get(nomination.id),
            })),
          ));
        return {
          ...view,
          nominations: view.nominations.map((nomination) => ({
            ...nomination,
            citation: async () => (panel ? ((await citations()).get(nomination.id) ?? null) : null),
          })),
        };
      }),
    };
  }

  /**
   * The rules of `round` over several rounds, one look-up of the projects they name: the
   * nominations and applications the caller may see, without the projects they may not.
   */
  private async visibleRounds(
    identity: Identity,
    records: readonly AwardRoundRecord[],
  ): Promise<AwardRoundView<null>[]> {
    const staff = isStaff(identity);
    const visibleProjects = await this.stores.projects.visibleIds(
      identity,
      records.flatMap((record) => [
        ...record.nominations.flatMap((nomination) => nomination.projectIds),
        ...record.applications.flatMap(({ application }) =>
          application.projectId === undefined ? [] : [application.projectId],
        ),
      ]),
    );
    const namesVisibleProject = ({ application }: ApplicationState) =>
      application.projectId === undefined || visibleProjects.has(application.projectId);
    return records.map((record) => {
      const hiddenAwards = record.applications
        .filter((application) => !namesVisibleProject(application))
        .reduce((sum, application) => sum + (application.amountAwarded ?? 0), 0);
      return {
        id: record.roundId,
        title: record.round.title,
        status: record.status,
        opensOn: record.round.opensOn,
        closesOn: record.round.closesOn,
        fundBudget: record.round.fundBudget,
        fundCommitted: record.committed - hiddenAwards,
        nominations: record.nominations
          .filter((nomination) => staff && maySeeNomination(identity, nomination))
          .map((nomination) => ({
            nomineeId: nomination.nomineeId,
            nominatedBy: nomination.nominatedBy,
            projectIds: nomination.projectIds.filter((projectId) => visibleProjects.has(projectId)),
            ...(nomination.outcome === undefined ? {} : { outcome: nomination.outcome }),
            ...(nomination.reason === undefined ? {} : { reason: nomination.reason }),
            id: nomination.nominationId,
            citation: null,
          })),
        applications: record.applications
          .filter(
            (application) =>
              staff && maySeeApplication(identity, application) && namesVisibleProject(application),
          )
          .map(({ applicationId, ...application }) => ({ ...application, id: applicationId })),
      };
    });
  }

  /** Sealed citations (from the list's read model) opened for the panel; each nominee's read logged. */
  private async openCitations(
    identity: Identity,
    nominations: readonly { nominationId: string; nomineeId: string; sealed: unknown }[],
  ): Promise<Map<string, string>> {
    const citations = new Map<string, string>();
    const subjects = new Set<string>();
    for (const { nominationId, nomineeId, sealed } of nominations) {
      const citation = isSealed(sealed) ? await this.stores.personal.open(sealed) : sealed;
      if (typeof citation !== 'string') continue;
      citations.set(nominationId, citation);
      subjects.add(nomineeId);
    }
    await this.logCitationReads(identity, subjects);
    return citations;
  }

  /** The citations of the given nominations, opened; each nominee's read is logged. */
  private async citations(
    identity: Identity,
    roundId: string,
    wanted: ReadonlySet<string>,
  ): Promise<Map<string, string>> {
    const citations = new Map<string, string>();
    const subjects = new Set<string>();
    for (const event of await this.stores.store.readStream(awardRoundStreamId(roundId))) {
      if (event.type !== 'community.award-round.nominated') continue;
      const data = event.data as { nominationId: string; nomineeId: string; citation: unknown };
      if (!wanted.has(data.nominationId) || isRedacted(data.citation)) continue;
      citations.set(data.nominationId, String(data.citation));
      subjects.add(data.nomineeId);
    }
    await this.logCitationReads(identity, subjects);
    return citations;
  }

  private async logCitationReads(identity: Identity, subjects: ReadonlySet<string>) {
    await this.stores.readLog.record(
      [...subjects].map((subjectId) => ({
        readerId: identity.actor.id,
        subjectId,
        fields: ['award-citation'],
        purpose: 'governance',
        correlationId: currentCorrelationId() ?? null,
      })),
    );
  }
}
