import { hasRole, type Identity } from '@ebp/platform';
import type { ApplicationState, NominationState } from '../awards/award-round';

/** Who runs the Commissioner's EBP award and fund: open, close, decide, and see every entry. */
export const AWARD_PANEL = ['committee', 'admin'] as const;

const isCaller = (identity: Identity, personId: string) =>
  identity.actor.kind === 'person' && identity.actor.id === personId;

/**
 * Which nominations a caller sees: the panel sees all; anyone else sees those decided as awarded
 * or commended (the force celebrates them) and the ones they made themselves. A nominee does not
 * learn of an undecided nomination from the graph.
 */
export function maySeeNomination(identity: Identity, nomination: NominationState): boolean {
  if (hasRole(identity, AWARD_PANEL)) return true;
  if (nomination.outcome === 'awarded' || nomination.outcome === 'commended') return true;
  return isCaller(identity, nomination.nominatedBy);
}

/** Which fund applications a caller sees: the panel all, others the funded ones and their own. */
export function maySeeApplication(identity: Identity, application: ApplicationState): boolean {
  if (hasRole(identity, AWARD_PANEL)) return true;
  return application.outcome === 'funded' || isCaller(identity, application.applicantId);
}

/** Citations are personal data about the nominee: only the panel reads them (and it is logged). */
export const mayReadCitations = (identity: Identity): boolean => hasRole(identity, AWARD_PANEL);
