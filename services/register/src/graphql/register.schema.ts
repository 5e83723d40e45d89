import { registerInputTypeDefs } from './register-inputs';

/**
 * The register's subgraph schema (Federation 2). Exported as text so that the gateway's build
 * composes the supergraph from exactly what the service serves. Structured inputs (a proposal, a
 * checklist, findings, amendments, priorities) and the values answers carry are typed from the
 * contracts' zod schemas (register-inputs.ts), which still check every input and report every
 * problem with its path.
 */
export const registerTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  scalar JSON

  enum RegisterSortField {
    title
    proposedAt
    updatedAt
    plannedSmsLevel
    plannedStart
  }

  enum SortDirection {
    asc
    desc
  }

  type ProjectReview {
    reviewerId: ID!
    verdict: ReviewVerdict!
    "The national research-design and statistical standards checklist: an answer for each criterion."
    checklist: QaChecklist!
    comments: String!
    at: String!
    "Whether the review was of the project's current design. False once an amendment to the design, methods, SMS level or outcomes has made it a review of an earlier design, which no longer counts towards approval."
    current: Boolean!
  }

  "Who made a change: its kind and id (a person's platform id, never a name)."
  type Actor {
    kind: ActorKind!
    id: ID!
  }

  "One event of a project's history: what happened, who did it, when and why."
  type ProjectHistoryEntry {
    version: Int!
    type: String!
    at: String!
    actor: Actor!
    why: String
    data: JSON!
  }

  type OutcomeSwitching {
    notReported: [String!]!
    notPreRegistered: [String!]!
  }

  type ResearchProject @key(fields: "id") {
    id: ID!
    title: String!
    summary: String!
    status: ProjectStatus!
    ebpLevel: EbpLevel!
    priorityIds: [ID!]!
    priorities: [ResearchPriority!]!
    plannedSmsLevel: Int!
    methods: [String!]!
    owningUnit: String!
    leadId: ID!
    proposedBy: ID!
    classification: Classification!
    plannedStart: String!
    plannedEnd: String!
    proposedAt: String!
    updatedAt: String!
    startedOn: String
    completedAt: String
    outcomeSwitching: Boolean!
    outcomesChangedAfterApproval: Boolean!
    amendments: Int!
    "Which way the intervention moved the primary outcomes, once the project has completed."
    effectDirection: EffectDirection
    achievedSmsLevel: Int
    "The stream version: send it back as expectedVersion to refuse concurrent edits."
    version: Int!
    "The proposal as it stands (amendments applied): questions, design, EBP Matrix, ethics, pre-registered outcomes."
    proposal: ProjectProposal!
    reviews: [ProjectReview!]!
    "The findings, once the project has completed."
    findings: Findings
    outcomeSwitchingDetail: OutcomeSwitching
    history: [ProjectHistoryEntry!]!
  }

  type ProjectPage {
    items: [ResearchProject!]!
    total: Int!
  }

  input SmsRange {
    min: Int
    max: Int
  }

  input RegisterFilter {
    status: [ProjectStatus!]
    priorityId: ID
    owningUnit: String
    ebpLevel: EbpLevel
    smsLevel: SmsRange
    method: String
    classification: Classification
    "Words that must all appear in the title or summary."
    text: String
  }

  input RegisterSort {
    by: RegisterSortField!
    direction: SortDirection!
  }

  type ResearchPriority @key(fields: "id") {
    id: ID!
    title: String!
    rationale: String!
    periodStart: String!
    periodEnd: String!
    ownerId: ID!
    status: PriorityStatus!
    "The research projects linked to this priority that the caller may see."
    projects: [ResearchProject!]!
  }

  type PriorityCoverage {
    priority: ResearchPriority!
    projects: Int!
    "How many of those projects are in each status (statuses with none are left out)."
    byStatus: [ProjectStatusCount!]!
  }

  "How many projects are in one status."
  type ProjectStatusCount {
    "The status."
    status: ProjectStatus!
    "How many of the priority's projects the caller may see are in it."
    count: Int!
  }

  type ResearchPlanCoverage {
    priorities: [PriorityCoverage!]!
    "Priorities with no research against them."
    uncovered: [ResearchPriority!]!
  }

  type ProjectDeadline {
    project: ResearchProject!
    kind: DeadlineKind!
    due: String!
  }

  type SimilarProject {
    projectId: ID!
    title: String!
    score: Float!
  }

  "What proposing a project made: its id, the project, and projects like it."
  type ProposeProjectPayload {
    "The new project's id, made by the server."
    projectId: ID!
    "The project as it now stands; null only if the proposer may not read it."
    project: ResearchProject
    "The stream version: send it back as expectedVersion to refuse concurrent edits."
    version: Int!
    "The duplicate warning: existing projects most like this one."
    similar: [SimilarProject!]!
  }

  "A research project after a change to it."
  type ProjectPayload {
    "The project as it now stands; null when the change leaves the caller unable to read it (e.g. an amendment that makes it OFFICIAL-SENSITIVE and names others as needing to know)."
    project: ResearchProject
    "The project's stream version after the change: send it back as expectedVersion."
    version: Int!
  }

  "A Research Plan priority after a change to it."
  type ResearchPriorityPayload {
    "The priority as it now stands (the Research Plan is OFFICIAL: every signed-in caller may read it)."
    priority: ResearchPriority!
    "The priority's stream version after the change: send it back as expectedVersion."
    version: Int!
  }

  type Query {
    "The register list; with asOf, the register as it stood at the end of that instant."
    researchProjects(
      filter: RegisterFilter
      sort: RegisterSort
      limit: Int
      offset: Int
      asOf: String
    ): ProjectPage!
    "A project now, or as it stood at the end of asOf."
    researchProject(id: ID!, asOf: String): ResearchProject
    researchPriorities(includeRetired: Boolean): [ResearchPriority!]!
    researchPlanCoverage: ResearchPlanCoverage!
    "Missed and imminent deadlines: progress reports, results, ethics approvals."
    overdueProjects(today: String): [ProjectDeadline!]!
    "The quarterly EBP governance report as of the end of a day (YYYY-MM-DD), rebuilt by replaying the register; for the committee, the EBP Delivery Team and administrators."
    governanceReport(asOf: String!, format: ReportFormat = JSON): String!
    "What changed between two report dates (e.g. the committee's last two meetings): JSON or MARKDOWN."
    governanceComparison(from: String!, to: String!, format: ReportFormat = JSON): String!
  }

  enum ReportFormat {
    JSON
    MARKDOWN
    CSV
    HTML
  }

  type Mutation {
    """
    Proposes a project. The server makes its id (returned as projectId). Send an idempotencyKey of
    your own (e.g. a UUID per form) to retry safely: the same key from the same caller answers with
    the project it first created, rather than creating another.
    """
    proposeProject(proposal: ProjectProposalInput!, idempotencyKey: String): ProposeProjectPayload!
    submitProject(id: ID!, expectedVersion: Int): ProjectPayload!
    recordReview(
      id: ID!
      verdict: ReviewVerdict!
      checklist: QaChecklistInput!
      comments: String!
      expectedVersion: Int
    ): ProjectPayload!
    decideProject(
      id: ID!
      decision: CommitteeDecision!
      reasons: String!
      expectedVersion: Int
    ): ProjectPayload!
    startProject(id: ID!, expectedVersion: Int): ProjectPayload!
    reportProgress(id: ID!, summary: String!, expectedVersion: Int): ProjectPayload!
    suspendProject(id: ID!, reason: String!, expectedVersion: Int): ProjectPayload!
    resumeProject(id: ID!, expectedVersion: Int): ProjectPayload!
    stopProject(id: ID!, reason: String!, expectedVersion: Int): ProjectPayload!
    completeProject(id: ID!, findings: FindingsInput!, expectedVersion: Int): ProjectPayload!
    withdrawProject(id: ID!, reason: String!, expectedVersion: Int): ProjectPayload!
    "Changes proposal fields with a justification; every changed field is recorded."
    amendProject(
      id: ID!
      changes: ProjectProposalChangesInput!
      justification: String!
      expectedVersion: Int
    ): ProjectPayload!
    "Sets a new Research Plan priority under the id given."
    setResearchPriority(id: ID!, priority: ResearchPriorityInput!): ResearchPriorityPayload!
    "Changes a priority's fields with a justification; every changed field is recorded."
    reviseResearchPriority(
      id: ID!
      changes: ResearchPriorityChangesInput!
      justification: String!
      expectedVersion: Int
    ): ResearchPriorityPayload!
    retireResearchPriority(id: ID!, reason: String!, expectedVersion: Int): ResearchPriorityPayload!
  }

  ${registerInputTypeDefs}
`;
