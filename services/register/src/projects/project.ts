import { newValues } from '../shared/field-changes';
import type { EntityAudience, register } from '@ebp/contracts';
import type { DomainEvent } from '@ebp/eventing';

type EventOf<Type extends register.ProjectEventType> = DomainEvent<
  Type,
  register.ProjectEventData<Type>
>;

/** Every event of a research project's stream. */
export type ProjectEvent = {
  [Type in register.ProjectEventType]: EventOf<Type>;
}[register.ProjectEventType];

/** DESIGN.md §6: the project lifecycle (its values are the contract's `ProjectStatusSchema`). */
export type ProjectStatus = register.ProjectStatus;

export interface Review {
  readonly reviewerId: string;
  readonly verdict: register.ReviewVerdict;
  /** The design revision the review was made against (see `designRevision`). */
  readonly designRevision: number;
}

/**
 * The proposal's fields a quality-assurance review judges: an amendment to any of them while the
 * proposal is before the committee makes the reviews made so far reviews of an earlier design.
 */
export const DESIGN_FIELDS = [
  'design',
  'methods',
  'plannedSmsLevel',
  'outcomes',
] as const satisfies readonly register.ProposalField[];

/** Whether an amendment's changed fields include the design, methods, SMS level or outcomes. */
export function changesDesign(changes: Readonly<Record<string, unknown>>): boolean {
  return DESIGN_FIELDS.some((field) => field in changes);
}

export type ProjectState =
  | { readonly status: 'none' }
  | {
      readonly status: ProjectStatus;
      readonly projectId: string;
      readonly proposal: register.ProjectProposal;
      readonly proposedBy: string;
      /** The audience last published (`register.project.audience-changed`); none before the first. */
      readonly audience?: EntityAudience;
      /**
       * Reviews of the current submission (a resubmission starts afresh), with those of an earlier
       * design: only the ones made against `designRevision` count (see `currentReviews`).
       */
      readonly reviews: readonly Review[];
      /**
       * How many amendments have changed the design (DESIGN_FIELDS): worked out from the stream, so
       * the stored events carry no revision of their own.
       */
      readonly designRevision: number;
      readonly everApproved: boolean;
      /** Partner organisations working on the project: their identities may read it. */
      readonly partnerOrganisations?: readonly string[];
      /** Partner submissions already reported on the project (each is reported once). */
      readonly partnerSubmissions?: readonly string[];
    };

export const initialProjectState = (): ProjectState => ({ status: 'none' });

/** The reviews of the project's current design: the only ones an approval may rest on. */
export function currentReviews(state: Exclude<ProjectState, { status: 'none' }>): Review[] {
  return state.reviews.filter((review) => review.designRevision === state.designRevision);
}

/** Statuses from which a project can still be withdrawn or amended. */
export const OPEN_STATUSES: readonly ProjectStatus[] = [
  'proposed',
  'submitted',
  'under_review',
  'approved',
  'deferred',
  'in_progress',
  'suspended',
];

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  if (event.type === 'register.project.proposed') {
    return {
      status: 'proposed',
      projectId: event.data.projectId,
      proposal: event.data.proposal,
      proposedBy: event.data.proposedBy,
      reviews: [],
      designRevision: 0,
      everApproved: false,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'register.project.submitted':
      return { ...state, status: 'submitted', reviews: [] };
    case 'register.project.review-recorded':
      return {
        ...state,
        status: 'under_review',
        reviews: [
          ...state.reviews,
          {
            reviewerId: event.data.reviewerId,
            verdict: event.data.verdict,
            designRevision: state.designRevision,
          },
        ],
      };
    case 'register.project.approved':
      return { ...state, status: 'approved', everApproved: true };
    case 'register.project.rejected':
      return { ...state, status: 'rejected' };
    case 'register.project.deferred':
      return { ...state, status: 'deferred' };
    case 'register.project.started':
    case 'register.project.resumed':
      return { ...state, status: 'in_progress' };
    case 'register.project.progress-reported':
      return state;
    case 'register.project.suspended':
      return { ...state, status: 'suspended' };
    case 'register.project.stopped':
      return { ...state, status: 'stopped' };
    case 'register.project.completed':
      return { ...state, status: 'completed' };
    case 'register.project.withdrawn':
      return { ...state, status: 'withdrawn' };
    case 'register.project.amended': {
      const changed = newValues(event.data.changes);
      return {
        ...state,
        proposal: { ...state.proposal, ...changed },
        designRevision: state.designRevision + (changesDesign(event.data.changes) ? 1 : 0),
      };
    }
    case 'register.project.partner-joined':
      return {
        ...state,
        partnerOrganisations: [...(state.partnerOrganisations ?? []), event.data.organisationId],
      };
    case 'register.project.partner-left':
      return {
        ...state,
        partnerOrganisations: (state.partnerOrganisations ?? []).filter(
          (id) => id !== event.data.organisationId,
        ),
      };
    case 'register.project.audience-changed':
      return { ...state, audience: event.data };
    case 'register.project.partner-outcome-reported':
      return {
        ...state,
        partnerSubmissions: [...(state.partnerSubmissions ?? []), event.data.submissionId],
      };
  }
}
