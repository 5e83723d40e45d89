import { projectAudiences, type AudienceView, type ReferenceGuard } from '@ebp/access';
import {
  highestClassification,
  isHttpUrl,
  parseContract,
  partners,
  register,
  type Classification,
  type dissemination,
} from '@ebp/contracts';
import {
  applyEvents,
  reactionContextFor,
  streamNames,
  type CommandHandler,
  type DocumentCollection,
  type StoredEvent,
} from '@ebp/eventing';
import { AlreadyExists } from '../dissemination-errors';
import {
  libraryItemStreamId,
  type LibraryItemCommand,
  type LibraryItemEvent,
  type LibraryItemState,
} from '../library/library-item.decider';
import { projectTags } from './project-terms';
import { registerProjects, type RegisterProjectFacts } from './register-projects';

export type LibraryItemCommands = CommandHandler<
  LibraryItemCommand,
  LibraryItemEvent,
  LibraryItemState
>;

const COMPLETED = 'register.project.completed';
const OUTCOME_PUBLISHED = 'partners.outcome.published';
const projectIdOf = streamNames('project:').idOf;

/**
 * The ids of the items the library drafts itself start so; editors may not take them, or an id
 * would tell whether a project exists (and an editor's item would stand in its report's place).
 */
export const DRAFTED_ITEM_PREFIXES = ['project-', 'outcome-'] as const;
/** The library item a completed project drafts: one per project. */
export const projectItemId = (projectId: string) => `project-${projectId}`;
/** The library item a partner's published outcome drafts: one per submission. */
export const outcomeItemId = (submissionId: string) => `outcome-${submissionId}`;

/** What the drafting reactions read and write. */
export interface DraftingContext {
  /** The register's projects as the library knows them (their words and level). */
  readonly projects: DocumentCollection<RegisterProjectFacts>;
  /** The projects' audiences (the read model `projectAudiences('dissemination')`). */
  readonly audiences: DocumentCollection<AudienceView>;
  readonly commands: LibraryItemCommands;
  /** Catches the audiences up before a project is taken as unknown (another feed's event). */
  readonly guard?: ReferenceGuard;
}

/** The audience read model this service keeps of the register's projects. */
export const disseminationProjectAudiences = projectAudiences('dissemination');

/**
 * A draft is as sensitive as its project is when it is drafted, by the project's audience, and
 * at least as the event it is drawn from (the library's view of the audience may lag the
 * owner's); a project the library does not know (yet) counts as OFFICIAL-SENSITIVE. Who may read
 * the draft is decided when it is read, by the project's audience as it then stands.
 */
async function classificationOf(
  context: DraftingContext,
  projectId: string,
  cause: StoredEvent,
): Promise<Classification> {
  if (context.guard) await context.guard.exists(projectId);
  return highestClassification(
    (await context.audiences.get(projectId))?.body.classification ?? 'OFFICIAL_SENSITIVE',
    cause.metadata.classification,
  );
}

async function draft(
  commands: LibraryItemCommands,
  event: StoredEvent,
  itemId: string,
  source: dissemination.ItemSource,
  content: dissemination.LibraryContentInput,
  service: string,
): Promise<'drafted' | 'ignored'> {
  try {
    await commands.handle(
      libraryItemStreamId(itemId),
      { type: 'draft', itemId, source, content, by: `service:${service}` },
      reactionContextFor(event, service, content.classification),
    );
    return 'drafted';
  } catch (error) {
    // Drafted before (a redelivery, or an editor got there first): nothing more to do.
    if (error instanceof AlreadyExists) return 'ignored';
    throw error;
  }
}

/**
 * A policy on the register's events: the library keeps the facts of each project, and a
 * completed project becomes a draft research report carrying its findings, evidence ratings and
 * terms (its methods, and the crime problems, interventions and topics its words name).
 * Publishing it stays an editorial decision. The project's audience events are applied here too
 * (the audience follower applies them as well; both are guarded by log position), so a
 * completion never overtakes its own project's audience on a topic.
 */
export async function draftFromRegister(
  event: StoredEvent,
  context: DraftingContext,
): Promise<'drafted' | 'ignored'> {
  if (registerProjects.handles.includes(event.type)) {
    await applyEvents(registerProjects, context.projects, [event]);
    return 'ignored';
  }
  if (disseminationProjectAudiences.handles.includes(event.type)) {
    await applyEvents(disseminationProjectAudiences, context.audiences, [event]);
    return 'ignored';
  }
  if (event.type !== COMPLETED) return 'ignored';
  const projectId = projectIdOf(event.streamId);
  const facts = projectId ? (await context.projects.get(projectId))?.body : undefined;
  if (!facts) return 'ignored';
  const classification = await classificationOf(context, facts.projectId, event);
  const { findings } = parseContract(COMPLETED, register.projectEventData[COMPLETED], event.data);
  const outcomes = findings.reportedOutcomes
    .map(
      (outcome) =>
        `${outcome.primary ? 'Primary' : 'Secondary'} outcome, ${outcome.name}: ${outcome.result}`,
    )
    .join('\n');
  return draft(
    context.commands,
    event,
    projectItemId(facts.projectId),
    { kind: 'project', projectId: facts.projectId },
    {
      kind: 'research_report',
      title: facts.title,
      summary: findings.summary.slice(0, 5_000),
      body: `${facts.summary}\n\n${outcomes}`,
      year: Number(event.metadata.recordedAt.slice(0, 4)),
      evidence: {
        smsLevel: findings.achievedSmsLevel,
        emmie: findings.emmie,
        effectDirection: findings.effectDirection,
        ebpLevel: facts.ebpLevel,
      },
      tags: projectTags(facts, findings),
      projectIds: [facts.projectId],
      classification,
    },
    'register',
  );
}

/**
 * A policy on the partners' events: an outcome a moderator accepted becomes a draft partner
 * outcome in the library, as sensitive as the project it reports on (OFFICIAL-SENSITIVE while the
 * library does not know the project), and readable only by those who may see that project.
 */
export async function draftFromPartnerOutcome(
  event: StoredEvent,
  context: DraftingContext,
): Promise<'drafted' | 'ignored'> {
  if (event.type !== OUTCOME_PUBLISHED) return 'ignored';
  const published = parseContract(
    OUTCOME_PUBLISHED,
    partners.partnersEventData[OUTCOME_PUBLISHED],
    event.data,
  );
  const { outcome } = published;
  const classification = await classificationOf(context, outcome.projectId, event);
  const facts = (await context.projects.get(outcome.projectId))?.body;
  return draft(
    context.commands,
    event,
    outcomeItemId(published.submissionId),
    {
      kind: 'partner_outcome',
      submissionId: published.submissionId,
      organisationId: published.organisationId,
    },
    {
      kind: 'partner_outcome',
      title: outcome.title,
      summary:
        outcome.summary && outcome.summary.length >= 20
          ? outcome.summary
          : `A ${outcome.kind} reported by partner ${published.organisationId}${facts ? ` on ${facts.title}` : ''}.`,
      year: Number(outcome.publishedOn.slice(0, 4)),
      projectIds: [outcome.projectId],
      ...(outcome.doi ? { doi: outcome.doi } : {}),
      // An outcome recorded before links had to be http or https may hold another: left out.
      ...(isHttpUrl(outcome.url) ? { url: outcome.url } : {}),
      classification,
    },
    'partners',
  );
}
