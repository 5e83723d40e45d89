import { parseOrThrow, register } from '@ebp/contracts';
import { changedFields } from '../shared/field-changes';
import type { Decider } from '@ebp/eventing';
import {
  EmptyAmendment,
  EthicsNotCleared,
  IllegalProjectTransition,
  InvalidProjectInput,
  ProjectAlreadyExists,
  ProjectNotFound,
  ReviewerNotEligible,
  ReviewsIncomplete,
  VerdictContradictsChecklist,
} from './project.errors';
import {
  OPEN_STATUSES,
  currentReviews,
  evolveProject,
  initialProjectState,
  type ProjectEvent,
  type ProjectState,
  type ProjectStatus,
} from './project';
import { readersOf } from './project-readers';

/** Who acts is part of every command (a person id); `today` comes in so that decide stays pure. */
interface By {
  readonly by: string;
}

export type ProjectCommand =
  | (By & { type: 'propose'; projectId: string; proposal: unknown })
  | (By & { type: 'submit' })
  | (By & {
      type: 'record-review';
      verdict: register.ReviewVerdict;
      checklist: register.QaChecklist;
      comments: string;
    })
  | (By & {
      type: 'decide';
      decision: register.CommitteeDecision;
      reasons: string;
      /** The meeting the decision is taken in, when it is taken in one. */
      meetingId?: string;
    })
  | (By & { type: 'start'; today: string })
  | (By & { type: 'report-progress'; summary: string })
  | (By & { type: 'suspend'; reason: string })
  | (By & { type: 'resume' })
  | (By & { type: 'stop'; reason: string })
  | (By & { type: 'complete'; findings: register.Findings })
  | (By & { type: 'withdraw'; reason: string })
  | (By & { type: 'amend'; changes: register.ProjectProposalChanges; justification: string })
  /** Publishes the project's audience if it never was (a project recorded before audiences). */
  | { type: 'publish-audience' }
  | { type: 'record-partner-joined'; organisationId: string; since: string }
  | { type: 'record-partner-left'; organisationId: string; on: string }
  | {
      type: 'report-partner-outcome';
      outcome: register.ProjectEventData<'register.project.partner-outcome-reported'>;
    };

type Existing = Exclude<ProjectState, { status: 'none' }>;

/** Two independent reviews where the planned design claims SMS 4 or 5, one otherwise. */
export function reviewsRequired(proposal: register.ProjectProposal): number {
  return proposal.plannedSmsLevel >= 4 ? 2 : 1;
}

/**
 * Why the committee cannot approve yet, in plain words: what approval needs, what the submission
 * has of the current design, and that any earlier reviews were of a design since amended.
 */
function approvalRefusal(required: number, current: number, favourable: number, stale: number) {
  const needs =
    required === 1
      ? 'a review of the current design finding that it meets the standards'
      : `${required} reviews of the current design, all finding that it meets the standards`;
  const unfavourable = current - favourable;
  const has =
    current === 0
      ? 'none'
      : unfavourable === 0
        ? `${current}`
        : current === 1
          ? '1, which does not find that it meets them'
          : `${current}, ${unfavourable} of which ${unfavourable === 1 ? 'does' : 'do'} not find that it meets them`;
  const earlier =
    stale === 0
      ? ''
      : stale === 1
        ? ' The earlier review was of an earlier design and no longer counts.'
        : ` The ${stale} earlier reviews were of an earlier design and no longer count.`;
  return `Approval needs ${needs}; this submission has ${has}.${earlier}`;
}

function existing(state: ProjectState): Existing {
  if (state.status === 'none') throw new ProjectNotFound('No such research project');
  return state;
}

function requireStatus(state: Existing, action: string, allowed: readonly ProjectStatus[]): void {
  if (!allowed.includes(state.status))
    throw new IllegalProjectTransition(action, state.status, allowed);
}

function parseProposal(input: unknown): register.ProjectProposal {
  return parseOrThrow(register.ProjectProposalSchema, input, 'proposal', InvalidProjectInput);
}

function requireText(value: string, what: string, minimum = 10): void {
  if (value.trim().length < minimum)
    throw new InvalidProjectInput(`${what} needs at least ${minimum} characters`);
}

function checkVerdict(verdict: register.ReviewVerdict, checklist: register.QaChecklist): void {
  const missing = register.QA_CRITERIA.filter((criterion) => checklist[criterion] === undefined);
  if (missing.length > 0)
    throw new InvalidProjectInput(`The checklist has no answer for: ${missing.join(', ')}`);
  parseOrThrow(register.QaChecklistSchema, checklist, 'checklist', InvalidProjectInput);
  const unmet = register.QA_CRITERIA.filter((criterion) => checklist[criterion] === 'not_met');
  if (verdict === 'meets_standards' && unmet.length > 0) {
    throw new VerdictContradictsChecklist(
      `A design that meets the standards cannot leave criteria unmet: ${unmet.join(', ')}`,
    );
  }
  if (verdict !== 'meets_standards' && unmet.length === 0) {
    throw new VerdictContradictsChecklist(
      'A verdict short of meeting the standards must name at least one unmet criterion',
    );
  }
}

function ethicsCleared(ethics: register.Ethics, today: string): boolean {
  if (ethics.status === 'not_required') return true;
  if (ethics.status !== 'approved') return false;
  return (
    ethics.approvedOn <= today && (ethics.expiresOn === undefined || ethics.expiresOn >= today)
  );
}

const normalise = (name: string) => name.trim().toLowerCase();

/** Reported primary outcomes against the pre-registered ones: the switch is recorded, never silent. */
function outcomeSwitching(proposal: register.ProjectProposal, findings: register.Findings) {
  const preRegistered = proposal.outcomes.primary.map((outcome) => outcome.name);
  const reported = findings.reportedOutcomes
    .filter((outcome) => outcome.primary)
    .map((outcome) => outcome.name);
  const notReported = preRegistered.filter(
    (name) => !reported.some((other) => normalise(other) === normalise(name)),
  );
  const notPreRegistered = reported.filter(
    (name) => !preRegistered.some((other) => normalise(other) === normalise(name)),
  );
  return notReported.length || notPreRegistered.length ? { notReported, notPreRegistered } : null;
}

function amendment(state: Existing, input: register.ProjectProposalChanges) {
  // Each changed field as the proposal checks it, then the amended proposal as a whole.
  const changes = parseOrThrow(
    register.ProjectProposalChangesSchema,
    input,
    'amendment',
    InvalidProjectInput,
  );
  const merged = parseProposal({ ...state.proposal, ...changes });
  const changed = changedFields(
    state.proposal,
    merged,
    Object.keys(changes) as register.ProposalField[],
  );
  if (Object.keys(changed).length === 0) throw new EmptyAmendment('The amendment changes nothing');
  return changed;
}

/**
 * The project's rules, then its audience: when the events change who may read the project, the
 * register says so in one more event carrying the whole new audience (decision 0019).
 */
export function decideProject(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  const events = decideProjectRules(command, state);
  if (events.length === 0 && command.type !== 'publish-audience') return events;
  return withAudienceChange(state, events);
}

function withAudienceChange(before: ProjectState, events: ProjectEvent[]): ProjectEvent[] {
  const after = events.reduce(evolveProject, before);
  if (after.status === 'none') return events;
  const { classification } = after.proposal;
  const readers = readersOf({
    classification,
    status: after.status,
    leadId: after.proposal.leadId,
    proposedBy: after.proposedBy,
    needToKnow: after.proposal.needToKnow ?? [],
    reviewerIds: after.reviews.map((review) => review.reviewerId),
    partnerOrganisations: after.partnerOrganisations ?? [],
  });
  const last = after.audience;
  if (last?.classification === classification && sameKeys(last.readers, readers)) return events;
  const audience = {
    entityId: after.projectId,
    classification,
    readers,
    revision: (last?.revision ?? 0) + 1,
  };
  return [...events, { type: 'register.project.audience-changed', data: audience }];
}

const sameKeys = (left: readonly string[], right: readonly string[]) =>
  left.length === right.length && left.every((key, index) => key === right[index]);

export function decideProjectRules(command: ProjectCommand, state: ProjectState): ProjectEvent[] {
  if (command.type === 'propose') {
    if (state.status !== 'none')
      throw new ProjectAlreadyExists(`Project ${state.projectId} already exists`);
    const proposal = parseProposal(command.proposal);
    return [
      {
        type: 'register.project.proposed',
        data: { projectId: command.projectId, proposal, proposedBy: command.by },
      },
    ];
  }
  const project = existing(state);
  switch (command.type) {
    case 'submit':
      requireStatus(project, 'submit', ['proposed', 'deferred']);
      return [{ type: 'register.project.submitted', data: { submittedBy: command.by } }];

    case 'record-review': {
      requireStatus(project, 'review', ['submitted', 'under_review']);
      if (command.by === project.proposal.leadId)
        throw new ReviewerNotEligible('The project lead cannot review their own project');
      // Once per design: a reviewer of a design since amended may review the amended one.
      if (currentReviews(project).some((review) => review.reviewerId === command.by)) {
        throw new ReviewerNotEligible('Each reviewer reviews a design once');
      }
      requireText(command.comments, 'Review comments', 1);
      checkVerdict(command.verdict, command.checklist);
      return [
        {
          type: 'register.project.review-recorded',
          data: {
            reviewerId: command.by,
            verdict: command.verdict,
            checklist: command.checklist,
            comments: command.comments,
          },
        },
      ];
    }

    case 'decide': {
      requireStatus(project, command.decision, ['submitted', 'under_review']);
      requireText(command.reasons, 'The committee’s reasons');
      if (command.decision === 'approve') {
        // Only reviews of the design as it stands count: an amendment to the design, methods, SMS
        // level or outcomes leaves the earlier ones reviews of something else.
        const required = reviewsRequired(project.proposal);
        const current = currentReviews(project);
        const sound = current.filter((review) => review.verdict === 'meets_standards').length;
        if (current.length < required || sound < current.length) {
          const stale = project.reviews.length - current.length;
          throw new ReviewsIncomplete(approvalRefusal(required, current.length, sound, stale));
        }
      }
      const type = (
        {
          approve: 'register.project.approved',
          reject: 'register.project.rejected',
          defer: 'register.project.deferred',
        } as const
      )[command.decision];
      const { meetingId } = command;
      return [
        {
          type,
          data: {
            decidedBy: command.by,
            reasons: command.reasons,
            ...(meetingId === undefined ? {} : { meetingId }),
          },
        },
      ];
    }

    case 'start':
      requireStatus(project, 'start', ['approved']);
      if (!ethicsCleared(project.proposal.ethics, command.today)) {
        throw new EthicsNotCleared(
          'Research cannot start without current ethics approval (or a recorded reason it is not required)',
        );
      }
      return [
        {
          type: 'register.project.started',
          data: { startedBy: command.by, startedOn: command.today },
        },
      ];

    case 'report-progress':
      requireStatus(project, 'report progress on', ['in_progress']);
      requireText(command.summary, 'A progress report');
      return [
        {
          type: 'register.project.progress-reported',
          data: { reportedBy: command.by, summary: command.summary },
        },
      ];

    case 'suspend':
      requireStatus(project, 'suspend', ['in_progress']);
      requireText(command.reason, 'The reason');
      return [
        { type: 'register.project.suspended', data: { by: command.by, reason: command.reason } },
      ];

    case 'resume':
      requireStatus(project, 'resume', ['suspended']);
      return [{ type: 'register.project.resumed', data: { by: command.by } }];

    case 'stop':
      requireStatus(project, 'stop', ['in_progress', 'suspended']);
      requireText(command.reason, 'The reason');
      return [
        { type: 'register.project.stopped', data: { by: command.by, reason: command.reason } },
      ];

    case 'complete': {
      requireStatus(project, 'complete', ['in_progress']);
      const findings = parseOrThrow(
        register.FindingsSchema,
        command.findings,
        'findings',
        InvalidProjectInput,
      );
      return [
        {
          type: 'register.project.completed',
          data: {
            by: command.by,
            findings,
            outcomeSwitching: outcomeSwitching(project.proposal, findings),
          },
        },
      ];
    }

    case 'withdraw':
      requireStatus(project, 'withdraw', OPEN_STATUSES);
      requireText(command.reason, 'The reason');
      return [
        { type: 'register.project.withdrawn', data: { by: command.by, reason: command.reason } },
      ];

    case 'amend': {
      requireStatus(project, 'amend', OPEN_STATUSES);
      requireText(command.justification, 'An amendment’s justification');
      const changes = amendment(project, command.changes);
      return [
        {
          type: 'register.project.amended',
          data: {
            by: command.by,
            justification: command.justification,
            changes,
            outcomesChangedAfterApproval: project.everApproved && 'outcomes' in changes,
          },
        },
      ];
    }

    case 'publish-audience':
      // Nothing of the project changes; the audience follows if it was never published.
      return [];

    case 'record-partner-joined': {
      // Each organisation once while it works on the project, however often it is delivered.
      if (project.partnerOrganisations?.includes(command.organisationId)) return [];
      const { organisationId, since } = command;
      return [{ type: 'register.project.partner-joined', data: { organisationId, since } }];
    }

    case 'record-partner-left': {
      if (!project.partnerOrganisations?.includes(command.organisationId)) return [];
      const { organisationId, on } = command;
      return [{ type: 'register.project.partner-left', data: { organisationId, on } }];
    }

    case 'report-partner-outcome':
      // Each submission is reported once, however often the partners service delivers it.
      if (project.partnerSubmissions?.includes(command.outcome.submissionId)) return [];
      return [{ type: 'register.project.partner-outcome-reported', data: command.outcome }];
  }
}

export const projectDecider: Decider<ProjectCommand, ProjectEvent, ProjectState> = {
  decide: decideProject,
  evolve: evolveProject,
  initialState: initialProjectState,
  // A project's events are as sensitive as the project, before and after them: an amendment
  // that restricts it, and a partner's findings reported on it, are OFFICIAL-SENSITIVE when it is.
  classificationOf: (state) =>
    state.status === 'none' ? undefined : state.proposal.classification,
};
