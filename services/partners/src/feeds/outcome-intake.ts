import { randomUUID } from 'node:crypto';
import { NO_SUCH_PROJECT, type ReferenceGuard } from '@ebp/access';
import {
  CommandHandler,
  commandContextFor,
  type CommandContext,
  type DocumentCollection,
  type EventStore,
} from '@ebp/eventing';
import { partners } from '@ebp/contracts';
import type { z } from 'zod';
import { partnerFeedReader } from '../access/project-references';
import type { CollaborationEntry } from '../collaborations/projections/collaborations.projection';
import { IllegalPartnerTransition } from '../partners-errors';
import {
  InvalidOutcome,
  NotACollaborator,
  outcomeDecider,
} from '../outcomes/outcome-submission.decider';
import { quarantineDecider } from '../outcomes/quarantine.decider';
import { projectNamedIn } from '../projections/partners-read-models';

export const outcomeStreamId = (submissionId: string): string => `outcome:${submissionId}`;
export const quarantineStreamId = (itemId: string): string => `quarantine:${itemId}`;

/** What became of an outcome a partner sent. */
export type IntakeResult =
  | { readonly kind: 'accepted'; readonly submissionId: string }
  | { readonly kind: 'duplicate'; readonly submissionId: string }
  | { readonly kind: 'quarantined'; readonly itemId: string; readonly reason: string }
  | { readonly kind: 'refused'; readonly code: string; readonly reason: string };

export interface ReceivedOutcome {
  readonly organisationId: string;
  readonly channel: z.infer<typeof partners.OutcomeChannelSchema>;
  /** The submission's id: the webhook id, or the message's place on the topic. */
  readonly submissionId: string;
  /** Where a bad input is held: unique per delivery of it. */
  readonly itemId: string;
  /** The body as received. */
  readonly raw: string;
}

/**
 * What the intake needs of the project guard: whether a reader may see a project, and how
 * sensitive the project is (its events are labelled so).
 */
export type ProjectVisibility = Pick<ReferenceGuard, 'canSee' | 'classificationOf'>;

/**
 * The one door for partner outcomes, whatever the channel: input that is not JSON or breaks the
 * contract is quarantined with the reason (never dropped); so is an outcome naming a project that
 * does not exist or that the partner may not see, with one reason for both ("No such research
 * project"), and it is never published; an outcome for a project the partner may see but does not
 * collaborate on is refused; a valid one waits for moderation. A redelivery of the same submission
 * stores nothing new.
 */
export class OutcomeIntake {
  private readonly outcomes: CommandHandler<
    Parameters<typeof outcomeDecider.decide>[0],
    Parameters<typeof outcomeDecider.evolve>[1],
    ReturnType<typeof outcomeDecider.initialState>
  >;
  private readonly quarantined: CommandHandler<
    Parameters<typeof quarantineDecider.decide>[0],
    Parameters<typeof quarantineDecider.evolve>[1],
    ReturnType<typeof quarantineDecider.initialState>
  >;

  constructor(
    store: EventStore,
    private readonly collaborations: () => Promise<DocumentCollection<CollaborationEntry>>,
    private readonly now: () => Date = () => new Date(),
    /**
     * The register's rule over the named project (the service always passes its guard; without
     * one the intake checks only collaborations, for tests of a channel's mechanics alone).
     */
    private readonly projects?: ProjectVisibility,
  ) {
    this.outcomes = new CommandHandler(store, outcomeDecider);
    this.quarantined = new CommandHandler(store, quarantineDecider);
  }

  /**
   * A partner's input is the data of the project it names: its events are labelled as that
   * project is. Input naming no project the register knows (or an intake without the guard)
   * counts as OFFICIAL-SENSITIVE: it fails closed.
   */
  private async context(
    organisationId: string,
    commandId: string,
    projectId: string | undefined,
  ): Promise<CommandContext> {
    const classification = this.projects
      ? await this.projects.classificationOf(projectId)
      : 'OFFICIAL_SENSITIVE';
    return commandContextFor(
      { kind: 'partner', id: organisationId },
      this.now(),
      classification,
      commandId,
    );
  }

  async receive(received: ReceivedOutcome): Promise<IntakeResult> {
    let outcome: unknown;
    try {
      outcome = JSON.parse(received.raw);
    } catch (error) {
      return this.hold(received, `The body is not JSON: ${(error as Error).message}`);
    }
    // An outcome that breaks its contract is left to the decider, which says why.
    const named = partners.PartnerOutcomeSchema.safeParse(outcome);
    if (
      named.success &&
      this.projects &&
      !(await this.projects.canSee(
        partnerFeedReader(received.organisationId),
        named.data.projectId,
      ))
    )
      return this.hold(received, NO_SUCH_PROJECT);
    const projects = await this.activeProjectsOf(received.organisationId);
    try {
      await this.outcomes.handle(
        outcomeStreamId(received.submissionId),
        {
          type: 'submit',
          submissionId: received.submissionId,
          organisationId: received.organisationId,
          channel: received.channel,
          outcome,
          collaboratesOn: (projectId) => projects.has(projectId),
        },
        await this.context(
          received.organisationId,
          `submit:${received.submissionId}`,
          named.success ? named.data.projectId : undefined,
        ),
      );
      return { kind: 'accepted', submissionId: received.submissionId };
    } catch (error) {
      if (error instanceof InvalidOutcome) return this.hold(received, error.message);
      if (error instanceof NotACollaborator)
        return { kind: 'refused', code: error.code, reason: error.message };
      if (error instanceof IllegalPartnerTransition)
        return { kind: 'duplicate', submissionId: received.submissionId };
      throw error;
    }
  }

  private hold(received: ReceivedOutcome, reason: string): Promise<IntakeResult> {
    return this.quarantine({ ...received, reason });
  }

  /** Holds input that cannot be accepted, with the reason, for an administrator. */
  async quarantine(item: {
    readonly organisationId: string | null;
    readonly channel: ReceivedOutcome['channel'];
    readonly itemId: string;
    readonly raw: string;
    readonly reason: string;
  }): Promise<IntakeResult> {
    await this.quarantined.handle(
      quarantineStreamId(item.itemId),
      {
        type: 'hold',
        itemId: item.itemId,
        channel: item.channel,
        organisationId: item.organisationId,
        reason: item.reason,
        received: item.raw,
      },
      await this.context(
        item.organisationId ?? 'unknown-partner',
        `hold:${item.itemId}:${randomUUID()}`,
        projectNamedIn(item.raw),
      ),
    );
    return { kind: 'quarantined', itemId: item.itemId, reason: item.reason };
  }

  private async activeProjectsOf(organisationId: string): Promise<Set<string>> {
    const found = await (
      await this.collaborations()
    ).find({ filter: { partnerId: organisationId, status: 'active' }, limit: 1000 });
    return new Set(found.items.map((item) => item.body.projectId));
  }
}
