import { parseContract, register } from '@ebp/contracts';
import { streamNames, type ProjectionDefinition } from '@ebp/eventing';

/**
 * What the library needs to know about a register project to draft an item from it: its words and
 * its level. Nothing about who may see it: that is the project's audience, which the register
 * publishes and the library keeps as it is (`projectAudiences` in `@ebp/access`).
 */
export interface RegisterProjectFacts {
  projectId: string;
  title: string;
  summary: string;
  ebpLevel: register.EbpLevel;
}

const PROPOSED = 'register.project.proposed';
const AMENDED = 'register.project.amended';
const projectIdOf = streamNames('project:').idOf;

/**
 * The register's projects as the dissemination service sees them, kept from the register's
 * events (its topic or, all-in-one, its store): proposals and amendments. Guarded by the
 * register's log positions, so redelivery changes nothing.
 */
export const registerProjects: ProjectionDefinition<RegisterProjectFacts> = {
  name: 'dissemination-register-projects',
  version: 2, // 2: enumerated values respelt (decision 0023)
  handles: [PROPOSED, AMENDED],
  documentId: (stored) => projectIdOf(stored.streamId),
  evolve: (current, stored) => {
    if (stored.type === PROPOSED) {
      const { projectId, proposal } = parseContract(
        PROPOSED,
        register.projectEventData[PROPOSED],
        stored.data,
      );
      return {
        projectId,
        title: proposal.title,
        summary: proposal.summary,
        ebpLevel: proposal.ebpLevel,
      };
    }
    if (!current) return null;
    const { changes } = parseContract(AMENDED, register.projectEventData[AMENDED], stored.data);
    const to = <Field extends keyof register.ProjectProposal>(field: Field) =>
      changes[field]?.to as register.ProjectProposal[Field] | undefined;
    // Built afresh: facts kept before access moved to the audience carry no access fields on.
    return {
      projectId: current.projectId,
      title: to('title') ?? current.title,
      summary: to('summary') ?? current.summary,
      ebpLevel: to('ebpLevel') ?? current.ebpLevel,
    };
  },
};
