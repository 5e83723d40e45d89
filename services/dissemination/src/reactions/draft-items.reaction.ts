import { parseContract, partners, register, type dissemination } from '@ebp/contracts';
import {
  applyEvents,
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
import { registerProjects, type RegisterProjectFacts } from './register-projects';

export type LibraryItemCommands = CommandHandler<
  LibraryItemCommand,
  LibraryItemEvent,
  LibraryItemState
>;

const COMPLETED = 'register.project.completed';
const OUTCOME_PUBLISHED = 'partners.outcome.published';
const projectIdOf = streamNames('project:').idOf;

/** The library item a completed project drafts: one per project. */
export const projectItemId = (projectId: string) => `project-${projectId}`;
/** The library item a partner's published outcome drafts: one per submission. */
export const outcomeItemId = (submissionId: string) => `outcome-${submissionId}`;

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
      {
        commandId: event.id,
        actor: { kind: 'service', id: service },
        now: new Date(event.metadata.recordedAt),
        classification: content.classification,
        causationId: event.id,
        correlationId: event.metadata.correlationId,
      },
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
 * completed project becomes a draft research report carrying its findings and evidence ratings.
 * Publishing it stays an editorial decision.
 */
export async function draftFromRegister(
  event: StoredEvent,
  projects: DocumentCollection<RegisterProjectFacts>,
  commands: LibraryItemCommands,
): Promise<'drafted' | 'ignored'> {
  if (registerProjects.handles.includes(event.type)) {
    await applyEvents(registerProjects, projects, [event]);
    return 'ignored';
  }
  if (event.type !== COMPLETED) return 'ignored';
  const projectId = projectIdOf(event.streamId);
  const facts = projectId ? (await projects.get(projectId))?.body : undefined;
  if (!facts) return 'ignored';
  const { findings } = parseContract(COMPLETED, register.projectEventData[COMPLETED], event.data);
  const outcomes = findings.reportedOutcomes
    .map(
      (outcome) =>
        `${outcome.primary ? 'Primary' : 'Secondary'} outcome, ${outcome.name}: ${outcome.result}`,
    )
    .join('\n');
  return draft(
    commands,
    event,
    projectItemId(facts.projectId),
    { kind: 'project', projectId: facts.projectId },
    {
      kind: 'research-report',
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
      projectIds: [facts.projectId],
      classification: facts.classification,
      ...(facts.classification === 'OFFICIAL-SENSITIVE' ? { needToKnow: facts.needToKnow } : {}),
    },
    'register',
  );
}

/**
 * A policy on the partners' events: an outcome a moderator accepted becomes a draft partner
 * outcome in the library, as sensitive as the project it reports on (when the library knows it).
 */
export async function draftFromPartnerOutcome(
  event: StoredEvent,
  projects: DocumentCollection<RegisterProjectFacts>,
  commands: LibraryItemCommands,
): Promise<'drafted' | 'ignored'> {
  if (event.type !== OUTCOME_PUBLISHED) return 'ignored';
  const published = parseContract(
    OUTCOME_PUBLISHED,
    partners.partnersEventData[OUTCOME_PUBLISHED],
    event.data,
  );
  const { outcome } = published;
  const facts = (await projects.get(outcome.projectId))?.body;
  const classification = facts?.classification ?? 'OFFICIAL';
  return draft(
    commands,
    event,
    outcomeItemId(published.submissionId),
    {
      kind: 'partner-outcome',
      submissionId: published.submissionId,
      organisationId: published.organisationId,
    },
    {
      kind: 'partner-outcome',
      title: outcome.title,
      summary:
        outcome.summary && outcome.summary.length >= 20
          ? outcome.summary
          : `A ${outcome.kind} from ${published.organisationId} on ${facts?.title ?? outcome.projectId}.`,
      year: Number(outcome.publishedOn.slice(0, 4)),
      projectIds: [outcome.projectId],
      ...(outcome.doi ? { doi: outcome.doi } : {}),
      ...(outcome.url ? { url: outcome.url } : {}),
      classification,
      ...(facts && classification === 'OFFICIAL-SENSITIVE' ? { needToKnow: facts.needToKnow } : {}),
    },
    'partners',
  );
}
