import { DomainError, type EventStore, type LogPosition, type StoredEvent } from '@ebp/eventing';
import {
  evolvePrioritySummary,
  type PrioritySummary,
} from '../priorities/projections/priority-summary.projection';
import {
  evolveProjectSummary,
  projectSummaries,
  type ProjectSummary,
} from '../projects/projections/project-summary.projection';
import type { DecisionRecord, GovernanceInputs } from './governance-report';

/** How far a replay has got: events read of the log's events at the start. */
export interface ReplayProgress {
  readonly read: number;
  readonly total: number;
}

const DECISIONS: Readonly<Record<string, DecisionRecord['decision']>> = {
  'register.project.approved': 'approved',
  'register.project.rejected': 'rejected',
  'register.project.deferred': 'deferred',
};

export class InvalidReportDate extends DomainError {
  readonly code = 'INVALID_REPORT_DATE';
}

/** YYYY-MM-DD, or refuses: a report is as of the end of a calendar day (UTC). */
export function parseReportDate(asOf: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)))
    throw new InvalidReportDate(`asOf must be a date like 2026-03-31, not ${JSON.stringify(asOf)}`);
  return asOf;
}

/** The first instant after the report's day: events recorded before it are in the report. */
export const endOfReportDay = (asOf: string) =>
  new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000).toISOString();

/**
 * Replays the register's log, in order, up to the end of `asOf` (by the time each event was
 * recorded), folding projects and priorities through the read models' own evolve functions and
 * collecting the committee's decisions. Events recorded later never reach the fold.
 */
export async function replayGovernance(
  store: EventStore,
  asOf: string,
  options: {
    readonly pageSize?: number;
    readonly onProgress?: (progress: ReplayProgress) => void;
  } = {},
): Promise<GovernanceInputs> {
  const day = parseReportDate(asOf);
  const end = endOfReportDay(day);
  const pageSize = options.pageSize ?? 5_000;
  const head = await store.headPosition();
  const total = head ? await store.countAfter(undefined, head) : 0;
  const projects = new Map<string, ProjectSummary>();
  const priorities = new Map<string, PrioritySummary>();
  const proposedAt = new Map<string, string>();
  const decisions: DecisionRecord[] = [];
  let replayed = 0;
  let lastEventAt: string | null = null;
  let read = 0;
  let after: LogPosition | undefined;
  const apply = (event: StoredEvent) => {
    if (projectSummaries.handles.includes(event.type)) {
      const next = evolveProjectSummary(projects.get(event.streamId) ?? null, event);
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
    } else return;
    replayed += 1;
    if (lastEventAt === null || event.metadata.recordedAt > lastEventAt)
      lastEventAt = event.metadata.recordedAt;
  };
  while (head) {
    const page = await store.readAll({ after, upTo: head, limit: pageSize });
    if (page.length === 0) break;
    for (const event of page) if (event.metadata.recordedAt < end) apply(event);
    read += page.length;
    after = page.at(-1)?.position;
    options.onProgress?.({ read, total });
  }
  return {
    asOf: day,
    projects: [...projects.values()],
    priorities: [...priorities.values()],
    decisions,
    basis: { events: replayed, lastEventAt },
  };
}
