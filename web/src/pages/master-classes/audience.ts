import { hasRole, type Session } from '../../auth/session';

/**
 * A partner identity (a university, the College of Policing, MOPAC): it acts for its
 * organisation, and may use only the master classes open to partners (decision 0039).
 */
export const isPartner = (session: Session | null) => hasRole(session, 'partner');

/** Who organises master classes: they schedule them (the dissemination service decides). */
export const ORGANISERS = ['reviewer', 'committee', 'admin'] as const;
