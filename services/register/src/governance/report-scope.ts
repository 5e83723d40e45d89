import type { GovernanceInputs } from './governance-report';
import { visibleMeeting } from '../meetings/meetings-application';

/**
 * The governance report's policy for OFFICIAL-SENSITIVE projects (decision 0019). A report run
 * through the graph is for one reader: the projects that reader may not read today (by the
 * register's own predicate) are left out of every figure and every list, with whatever other
 * services recorded about them (collaborations, team members, library items' sources), so that no
 * count tells that they exist. The report says so. The operator's report (`ebp report`) counts
 * everything.
 */
export const WHOLE_REGISTER =
  'Every project in the register, OFFICIAL-SENSITIVE ones included: an operator’s report.';
export const READER_SCOPE =
  'Only the projects the reader may read: OFFICIAL-SENSITIVE projects the reader has no need to know of are left out of every figure and list.';

/** The report's inputs with only the projects `mayRead` accepts, and the scope stated. */
export function scopeToReader(
  inputs: GovernanceInputs,
  mayRead: (projectId: string) => boolean,
): GovernanceInputs {
  return {
    ...inputs,
    scope: READER_SCOPE,
    // Counts and times of events would move with what is recorded on entities the reader may not
    // see (a hidden project's progress, an action on its item of business).
    basis: { events: null, lastEventAt: null, otherServicesEvents: null },
    projects: inputs.projects.filter((project) => mayRead(project.projectId)),
    decisions: inputs.decisions.filter((decision) => mayRead(decision.projectId)),
    // The governance readers are the committee's business: they see meetings as members do.
    meetings: inputs.meetings.map((meeting) => visibleMeeting(meeting, true, mayRead)),
    otherServices: inputs.otherServices.onlyProjects(mayRead),
  };
}
