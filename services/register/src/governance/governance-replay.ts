import { PROJECT_AUDIENCE_EVENT } from '@ebp/access';
import { WHOLE_REGISTER } from './report-scope';
import {
  readAhead,
  type ArchivedEvent,
  type DocumentBody,
  type EventStore,
  type ProjectionDefinition,
  type SqlEventArchive,
  type StoredEvent,
} from '@ebp/eventing';
import {
  evolvePrioritySummary,
  type PrioritySummary,
} from '../priorities/projections/priority-summary.projection';
import {
  evolveProjectFacts,
  projectSummaries,
  withReaders,
  type ProjectFacts,
} from '../projects/projections/project-summary.projection';
import type { DecisionRecord, GovernanceInputs } from './governance-report';
import {
  researchPlans,
  workstreams,
  type ResearchPlanEntry,
  type WorkstreamEntry,
} from '../programme/projections/programme.projections';
import {
  meetings as meetingModel,
  type MeetingEntry,
} from '../meetings/projections/meetings.projection';
import { endOfReportDay, parseReportDate } from './report-day';
import { OtherServicesRecord } from './other-services-record';

export { InvalidReportDate, endOfReportDay, parseReportDate } from './report-day';

/** Where a report's history is: the register's log, and the other services' events it keeps. */
export interface GovernanceHistory {
  readonly log: EventStore;
  /** None: the report's partners, people and reach sections are empty. */
  readonly archive?: SqlEventArchive;
}

/** How far a replay has got: events read of the log's events at the start. */
export interface ReplayProgress {
  readonly read: number;
  readonly total: number;
}

/** Folds the event into its stream's entry by the read model's own evolve, if the model takes it. */
function foldInto<Body extends DocumentBody>(
  entries: Map<string, Body>,
  model: ProjectionDefinition<Body>,
  event: StoredEvent,
): boolean {
  if (!model.handles.includes(event.type)) return false;
  const next = model.evolve(entries.get(event.streamId) ?? null, event);
  if (next) entries.set(event.streamId, next);
  else entries.delete(event.streamId);
  return true;
}

const DECISIONS: Readonly<Record<string, DecisionRecord['decision']>> = {
  'register.project.approved': 'approved',
  'register.project.rejected': 'rejected',
  'register.project.deferred': 'deferred',
};

/**
 * Replays the register's log, in order, up to the end of `asOf` (by the time each event was
 * recorded), folding projects, priorities, plans, work streams and meetings through the read models' own evolve functions and
 * collecting the committee's decisions; then the other services' events the register keeps, in
 * the order their services recorded them. Events recorded later never reach the fold.
 */
export async function replayGovernance(
  history: GovernanceHistory,
  asOf: string,
  options: {
    readonly pageSize?: number;
    readonly onProgress?: (progress: ReplayProgress) => void;
  } = {},
): Promise<GovernanceInputs> {
  const day = parseReportDate(asOf);
  const end = endOfReportDay(day);
  const pageSize = options.pageSize ?? 5_000;
  const { log: store, archive } = history;
  const head = await store.headPosition();
  const total =
    (head ? await store.countAfter(undefined, head) : 0) +
    (archive ? await archive.countBefore(end) : 0);
  // The read model's own fold; readers depend on the final summary only, so they are added once
  // per project at the end rather than at every event.
  const projects = new Map<string, ProjectFacts>();
  const priorities = new Map<string, PrioritySummary>();
  const plans = new Map<string, ResearchPlanEntry>();
  const streams = new Map<string, WorkstreamEntry>();
  const meetings = new Map<string, MeetingEntry>();
  const proposedAt = new Map<string, string>();
  const decisions: DecisionRecord[] = [];
  let replayed = 0;
  let lastEventAt: string | null = null;
  let read = 0;
  const apply = (event: StoredEvent) => {
    // Who may read a project is the reader's business (report-scope.ts), not the report's figures.
    if (event.type === PROJECT_AUDIENCE_EVENT) return;
    // A meeting's entry takes its own events and the decisions taken in it, keyed by meeting.
    const meetingId = meetingModel.handles.includes(event.type)
      ? meetingModel.documentId(event)
      : undefined;
    if (meetingId !== undefined) {
      const next = meetingModel.evolve(meetings.get(meetingId) ?? null, event);
      if (next) meetings.set(meetingId, next);
      else meetings.delete(meetingId);
      if (event.type.startsWith('register.meeting.')) {
        countReplayed(event);
        return;
      }
    }
    if (projectSummaries.handles.includes(event.type)) {
      const next = evolveProjectFacts(projects.get(event.streamId) ?? null, event);
      if (next) {
        projects.set(event.streamId, next);
        if (event.type === 'register.project.proposed')
          proposedAt.set(next.projectId, event.metadata.recordedAt);
        const decision = DECISIONS[event.type];
        if (decision)
          decisions.push({
            projectId: next.projectId,
            decision,
            proposedAt: proposedAt.get(next.projectId) ?? next.proposedAt,
            decidedAt: event.metadata.recordedAt,
          });
      } else projects.delete(event.streamId);
    } else if (event.type.startsWith('register.priority.')) {
      const next = evolvePrioritySummary(priorities.get(event.streamId) ?? null, event);
      if (next) priorities.set(event.streamId, next);
      else priorities.delete(event.streamId);
    } else if (!foldInto(plans, researchPlans, event) && !foldInto(streams, workstreams, event))
      return;
    countReplayed(event);
  };
  function countReplayed(event: StoredEvent) {
    replayed += 1;
    if (lastEventAt === null || event.metadata.recordedAt > lastEventAt)
      lastEventAt = event.metadata.recordedAt;
  }
  const logPages = readAhead<StoredEvent>((last) =>
    head
      ? store.readAll({ ...(last ? { after: last.position } : {}), upTo: head, limit: pageSize })
      : Promise.resolve([]),
  );
  for await (const page of logPages) {
    for (const event of page) if (event.metadata.recordedAt < end) apply(event);
    read += page.length;
    options.onProgress?.({ read, total });
  }
  const otherServices = new OtherServicesRecord();
  const archivePages = readAhead<ArchivedEvent>((last) =>
    archive
      ? archive.read({ before: end, limit: pageSize, ...(last ? { after: last } : {}) })
      : Promise.resolve([]),
  );
  for await (const page of archivePages) {
    for (const event of page) otherServices.apply(event);
    read += page.length;
    options.onProgress?.({ read, total });
  }
  if (total === 0) options.onProgress?.({ read, total });
  return {
    asOf: day,
    projects: [...projects.values()].map((project) => withReaders(project)),
    priorities: [...priorities.values()],
    plans: [...plans.values()],
    workstreams: [...streams.values()],
    meetings: [...meetings.values()],
    decisions,
    otherServices,
    scope: WHOLE_REGISTER,
    basis: { events: replayed, lastEventAt, otherServicesEvents: otherServices.events },
  };
}
