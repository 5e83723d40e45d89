import { PROJECT_AUDIENCE_EVENT } from '@ebp/access';
import type { register } from '@ebp/contracts';
import { toAuditEntry, type AuditEntry, type EventStore } from '@ebp/eventing';
import type { ProjectEvent, ProjectState } from '../projects/project';
import { projectDecider } from '../projects/project.decider';
import { projectStreamId } from '../projects/project.handler';
import {
  evolveProjectSummary,
  type ProjectSummary,
} from '../projects/projections/project-summary.projection';

export interface ReviewRecord {
  readonly reviewerId: string;
  readonly verdict: register.ReviewVerdict;
  readonly checklist: register.QaChecklist;
  readonly comments: string;
  readonly at: string;
  /** Whether the review was of the project's current design (not of one since amended). */
  readonly current: boolean;
}

/** Everything known of one project, from its own stream: what the detail page shows. */
export interface ProjectRecord {
  readonly summary: ProjectSummary;
  readonly proposal: register.ProjectProposal;
  readonly version: number;
  readonly reviews: readonly ReviewRecord[];
  readonly findings: register.Findings | null;
  readonly outcomeSwitching: { notReported: string[]; notPreRegistered: string[] } | null;
  readonly history: readonly AuditEntry[];
}

/**
 * A project folded from its stream, as it stands now or as it stood at the end of `asOf` (time
 * travel); undefined when it did not exist then. The summary is folded with the read model's own
 * evolve, so a detail page and a list never disagree.
 */
export async function projectRecord(
  store: EventStore,
  projectId: string,
  asOf?: Date,
): Promise<ProjectRecord | undefined> {
  const events = await store.readStream(projectStreamId(projectId), asOf ? { asOf } : {});
  let summary: ProjectSummary | null = null;
  let state: ProjectState = projectDecider.initialState();
  const reviews: (Omit<ReviewRecord, 'current'> & { designRevision: number })[] = [];
  let findings: ProjectRecord['findings'] = null;
  let outcomeSwitching: ProjectRecord['outcomeSwitching'] = null;
  for (const stored of events) {
    summary = evolveProjectSummary(summary, stored);
    const event = stored as unknown as ProjectEvent;
    state = projectDecider.evolve(state, event);
    if (event.type === 'register.project.submitted') reviews.length = 0;
    if (event.type === 'register.project.review-recorded' && state.status !== 'none')
      reviews.push({
        ...event.data,
        at: stored.metadata.recordedAt,
        designRevision: state.designRevision,
      });
    if (event.type === 'register.project.completed') {
      findings = event.data.findings;
      outcomeSwitching = event.data.outcomeSwitching;
    }
  }
  if (!summary || state.status === 'none') return undefined;
  return {
    summary,
    proposal: state.proposal,
    version: events.length,
    // A review is current when no amendment has changed the design since (as of `asOf`).
    reviews: reviews.map(({ designRevision, ...review }) => ({
      ...review,
      current: designRevision === state.designRevision,
    })),
    findings,
    outcomeSwitching,
    // The audience events restate who may read the project for other services; not history.
    history: events.filter((event) => event.type !== PROJECT_AUDIENCE_EVENT).map(toAuditEntry),
  };
}
