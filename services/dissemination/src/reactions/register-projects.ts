import { parseContract, register } from '@ebp/contracts';
import { streamNames, type ProjectionDefinition } from '@ebp/eventing';

/**
 * What the library needs to know about a register project to draft an item from it: its words,
 * its level and its methods (the draft's tags come from them). Nothing about who may see it:
 * that is the project's audience, which the register publishes and the library keeps as it is
 * (`projectAudiences` in `@ebp/access`).
 */
export interface RegisterProjectFacts {
  projectId: string;
  title: string;
  summary: string;
  ebpLevel: register.EbpLevel;
  researchQuestions: string[];
  design: string;
  methods: string[];
  /** The names of its pre-registered outcomes, primary and secondary. */
  outcomes: string[];
}

const PROPOSED = 'register.project.proposed';
const AMENDED = 'register.project.amended';
const projectIdOf = streamNames('project:').idOf;

const outcomeNames = (outcomes: register.PreRegisteredOutcomes) =>
  [...outcomes.primary, ...outcomes.secondary].map((outcome) => outcome.name);

/**
 * The register's projects as the dissemination service sees them, kept from the register's
 * events (its topic or, all-in-one, its store): proposals and amendments. Guarded by the
 * register's log positions, so redelivery changes nothing.
 */
export const registerProjects: ProjectionDefinition<RegisterProjectFacts> = {
  name: 'dissemination-register-projects',
  // 2: enumerated values respelt (decision 0023); 3: questions, design, methods and outcomes, for
  // the draft's tags (decision 0025). Its feed's consumer carries the version, so a raised one
  // reads the register's events again from the start (`registerFeedConsumer`).
  version: 3,
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
        researchQuestions: proposal.researchQuestions,
        design: proposal.design,
        methods: proposal.methods,
        outcomes: outcomeNames(proposal.outcomes),
      };
    }
    if (!current) return null;
    const { changes } = parseContract(AMENDED, register.projectEventData[AMENDED], stored.data);
    const to = <Field extends keyof register.ProjectProposal>(field: Field) =>
      changes[field]?.to as register.ProjectProposal[Field] | undefined;
    const outcomes = to('outcomes');
    // Built afresh: facts kept before access moved to the audience carry no access fields on.
    return {
      projectId: current.projectId,
      title: to('title') ?? current.title,
      summary: to('summary') ?? current.summary,
      ebpLevel: to('ebpLevel') ?? current.ebpLevel,
      researchQuestions: to('researchQuestions') ?? current.researchQuestions,
      design: to('design') ?? current.design,
      methods: to('methods') ?? current.methods,
      outcomes: outcomes ? outcomeNames(outcomes) : current.outcomes,
    };
  },
};

/**
 * The name of the consumer that keeps these facts from the register's feed: with the
 * projection's version in it, so that a new version (an empty collection) is filled from the
 * start of the feed. Reading the feed again drafts nothing twice: a draft's id is its project's.
 */
export const registerFeedConsumer = (base: string) => `${base}.v${registerProjects.version}`;
