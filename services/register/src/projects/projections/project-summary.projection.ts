import { newValues } from '../../shared/field-changes';
import type { register } from '@ebp/contracts';
import type { ProjectionDefinition, StoredEvent } from '@ebp/eventing';
import { changesDesign, type ProjectEvent, type ProjectStatus } from '../project';
import { projectIdOf } from '../project.handler';
import { readersOf } from '../../access/register-access';

/** One row of the register: what lists, filters, coverage and deadlines read. */
export interface ProjectSummary {
  projectId: string;
  /** Partner outcomes reported on the project (published by the partners service). */
  partnerOutcomes?: number;
  title: string;
  summary: string;
  status: ProjectStatus;
  ebpLevel: register.EbpLevel;
  priorityIds: string[];
  plannedSmsLevel: number;
  methods: string[];
  owningUnit: string;
  leadId: string;
  classification: register.ProjectProposal['classification'];
  proposedBy: string;
  needToKnow: string[];
  /** Partner organisations working on the project (they read it through their collaborations). */
  partnerOrganisations?: string[];
  /** The revision of the audience last published to other services; none before the first. */
  audienceRevision?: number;
  /** Who may read this project (see access/register-access.ts); lists filter on it in the store. */
  readers: string[];
  plannedStart: string;
  plannedEnd: string;
  ethics: register.Ethics;
  proposedAt: string;
  updatedAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  startedOn: string | null;
  lastProgressAt: string | null;
  completedAt: string | null;
  /**
   * Reviews of the current submission; `current` is false for a review of a design since amended
   * (design, methods, SMS level or outcomes), which no longer counts towards approval.
   */
  reviews: { reviewerId: string; verdict: register.ReviewVerdict; current: boolean }[];
  amendments: number;
  outcomeSwitching: boolean;
  outcomesChangedAfterApproval: boolean;
  effectDirection: register.Findings['effectDirection'] | null;
  achievedSmsLevel: number | null;
  /** Lower-cased title and summary, for text search that works on every document store. */
  searchText: string;
}

const searchTextOf = (proposal: register.ProjectProposal) =>
  `${proposal.title} ${proposal.summary}`.toLowerCase();

function fromProposal(proposal: register.ProjectProposal) {
  return {
    title: proposal.title,
    summary: proposal.summary,
    ebpLevel: proposal.ebpLevel,
    priorityIds: proposal.priorityIds,
    plannedSmsLevel: proposal.plannedSmsLevel,
    methods: proposal.methods,
    owningUnit: proposal.owningUnit,
    leadId: proposal.leadId,
    classification: proposal.classification,
    needToKnow: proposal.needToKnow ?? [],
    plannedStart: proposal.plannedStart,
    plannedEnd: proposal.plannedEnd,
    ethics: proposal.ethics,
    searchText: searchTextOf(proposal),
  };
}

/** A project summary without its readers: what its events decide directly. */
export type ProjectFacts = Omit<ProjectSummary, 'readers'>;

/**
 * The summary with its readers, worked out from what decides them (any earlier readers are
 * replaced): they depend on the summary alone, so a replay may add them once, at the end.
 */
export function withReaders(summary: ProjectFacts): ProjectSummary;
export function withReaders(summary: ProjectFacts | null): ProjectSummary | null;
export function withReaders(summary: ProjectFacts | null): ProjectSummary | null {
  if (!summary) return null;
  const readers = readersOf({
    classification: summary.classification,
    status: summary.status,
    leadId: summary.leadId,
    proposedBy: summary.proposedBy,
    needToKnow: summary.needToKnow,
    reviewerIds: summary.reviews.map((review) => review.reviewerId),
    partnerOrganisations: summary.partnerOrganisations ?? [],
  });
  return { ...summary, readers };
}

export function evolveProjectSummary(
  current: ProjectSummary | null,
  stored: StoredEvent,
): ProjectSummary | null {
  return withReaders(evolveProjectFacts(current, stored));
}

/** The project summary's fold without its readers (see `withReaders`). */
export function evolveProjectFacts(
  current: ProjectFacts | null,
  stored: StoredEvent,
): ProjectFacts | null {
  const event = stored as unknown as ProjectEvent;
  const at = stored.metadata.recordedAt;
  if (event.type === 'register.project.proposed') {
    return {
      projectId: event.data.projectId,
      ...fromProposal(event.data.proposal),
      proposedBy: event.data.proposedBy,
      status: 'proposed',
      proposedAt: at,
      updatedAt: at,
      submittedAt: null,
      decidedAt: null,
      startedOn: null,
      lastProgressAt: null,
      completedAt: null,
      reviews: [],
      amendments: 0,
      outcomeSwitching: false,
      outcomesChangedAfterApproval: false,
      effectDirection: null,
      achievedSmsLevel: null,
    };
  }
  if (!current) return null;
  const next = { ...current, updatedAt: at };
  switch (event.type) {
    case 'register.project.submitted':
      return { ...next, status: 'submitted', submittedAt: at, reviews: [] };
    case 'register.project.review-recorded':
      return {
        ...next,
        status: 'under_review',
        reviews: [
          ...current.reviews,
          { reviewerId: event.data.reviewerId, verdict: event.data.verdict, current: true },
        ],
      };
    case 'register.project.approved':
      return { ...next, status: 'approved', decidedAt: at };
    case 'register.project.rejected':
      return { ...next, status: 'rejected', decidedAt: at };
    case 'register.project.deferred':
      return { ...next, status: 'deferred', decidedAt: at };
    case 'register.project.started':
      return { ...next, status: 'in_progress', startedOn: event.data.startedOn };
    case 'register.project.progress-reported':
      return { ...next, lastProgressAt: at };
    case 'register.project.suspended':
      return { ...next, status: 'suspended' };
    case 'register.project.resumed':
      return { ...next, status: 'in_progress' };
    case 'register.project.stopped':
      return { ...next, status: 'stopped' };
    case 'register.project.withdrawn':
      return { ...next, status: 'withdrawn' };
    case 'register.project.completed':
      return {
        ...next,
        status: 'completed',
        completedAt: at,
        outcomeSwitching: event.data.outcomeSwitching !== null,
        effectDirection: event.data.findings.effectDirection,
        achievedSmsLevel: event.data.findings.achievedSmsLevel,
      };
    case 'register.project.amended': {
      const changed = newValues(event.data.changes);
      const merged = { ...next, ...changed } as ProjectSummary & Partial<register.ProjectProposal>;
      const {
        researchQuestions: _questions,
        design: _design,
        ebpMatrix: _matrix,
        outcomes: _outcomes,
        ...summary
      } = merged;
      return {
        ...summary,
        searchText: `${merged.title} ${merged.summary}`.toLowerCase(),
        amendments: current.amendments + 1,
        reviews: changesDesign(event.data.changes)
          ? current.reviews.map((review) => ({ ...review, current: false }))
          : current.reviews,
        outcomesChangedAfterApproval:
          current.outcomesChangedAfterApproval || event.data.outcomesChangedAfterApproval,
      };
    }
    case 'register.project.partner-outcome-reported':
      return { ...next, partnerOutcomes: (current.partnerOutcomes ?? 0) + 1 };
    case 'register.project.partner-joined':
      return {
        ...current,
        partnerOrganisations: [...(current.partnerOrganisations ?? []), event.data.organisationId],
      };
    case 'register.project.partner-left':
      return {
        ...current,
        partnerOrganisations: (current.partnerOrganisations ?? []).filter(
          (id) => id !== event.data.organisationId,
        ),
      };
    case 'register.project.audience-changed':
      // The summary works its readers out itself, by the same rule (see withReaders); it notes
      // only that other services have been told.
      return { ...current, audienceRevision: event.data.revision };
  }
}

export const projectSummaries: ProjectionDefinition<ProjectSummary> = {
  name: 'register-projects',
  // 4: each review says whether it was of the current design.
  version: 5, // 5: enumerated values respelt (decision 0023)
  handles: [
    'register.project.proposed',
    'register.project.submitted',
    'register.project.review-recorded',
    'register.project.approved',
    'register.project.rejected',
    'register.project.deferred',
    'register.project.started',
    'register.project.progress-reported',
    'register.project.suspended',
    'register.project.resumed',
    'register.project.stopped',
    'register.project.completed',
    'register.project.withdrawn',
    'register.project.amended',
    'register.project.partner-outcome-reported',
    'register.project.partner-joined',
    'register.project.partner-left',
    'register.project.audience-changed',
  ],
  documentId: (event) => projectIdOf(event.streamId),
  evolve: evolveProjectSummary,
};
