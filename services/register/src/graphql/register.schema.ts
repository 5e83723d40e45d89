/**
 * The register's subgraph schema (Federation 2). Exported as text so that the gateway's build
 * composes the supergraph from exactly what the service serves. Structured inputs (a proposal, a
 * checklist, findings, amendments) travel as JSON and are parsed by the contracts' zod schemas,
 * which report every problem with its path.
 */
export const registerTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  scalar JSON

  enum ProjectStatus {
    proposed
    submitted
    under_review
    approved
    rejected
    deferred
    in_progress
    suspended
    completed
    stopped
    withdrawn
  }

  enum EbpLevel {
    tactical
    organisational
    strategic
  }

  enum Classification {
    OFFICIAL
    OFFICIAL_SENSITIVE
  }

  enum ReviewVerdict {
    meets_standards
    revisions_required
    does_not_meet_standards
  }

  enum CommitteeDecision {
    approve
    reject
    defer
  }

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
    "The national research-design and statistical standards checklist: criterion → met / not-met / not-applicable."
    checklist: JSON!
    comments: String!
    at: String!
    "Whether the review was of the project's current design. False once an amendment to the design, methods, SMS level or outcomes has made it a review of an earlier design, which no longer counts towards approval."
    current: Boolean!
  }

  type Actor {
    kind: String!
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
    effectDirection: String
    achievedSmsLevel: Int
    "The stream version: send it back as expectedVersion to refuse concurrent edits."
    version: Int!
    "The proposal as it stands (amendments applied): questions, design, EBP Matrix, ethics, pre-registered outcomes."
    proposal: JSON!
    reviews: [ProjectReview!]!
    findings: JSON
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
    status: String!
    "The research projects linked to this priority that the caller may see."
    projects: [ResearchProject!]!
  }

  type PriorityCoverage {
    priority: ResearchPriority!
    projects: Int!
    byStatus: JSON!
  }

  type ResearchPlanCoverage {
    priorities: [PriorityCoverage!]!
    "Priorities with no research against them."
    uncovered: [ResearchPriority!]!
  }

  type ProjectDeadline {
    project: ResearchProject!
    kind: String!
    due: String!
  }

  type SimilarProject {
    projectId: ID!
    title: String!
    score: Float!
  }

  type ProposeProjectResult {
    "The new project's id, made by the server."
    projectId: ID!
    project: ResearchProject
    version: Int!
    "The duplicate warning: existing projects most like this one."
    similar: [SimilarProject!]!
  }

  type CommandResult {
    id: ID!
    version: Int!
    status: String!
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
    proposeProject(proposal: JSON!, idempotencyKey: String): ProposeProjectResult!
    submitProject(id: ID!, expectedVersion: Int): CommandResult!
    recordReview(
      id: ID!
      verdict: ReviewVerdict!
      checklist: JSON!
      comments: String!
      expectedVersion: Int
    ): CommandResult!
    decideProject(
      id: ID!
      decision: CommitteeDecision!
      reasons: String!
      expectedVersion: Int
    ): CommandResult!
    startProject(id: ID!, expectedVersion: Int): CommandResult!
    reportProgress(id: ID!, summary: String!, expectedVersion: Int): CommandResult!
    suspendProject(id: ID!, reason: String!, expectedVersion: Int): CommandResult!
    resumeProject(id: ID!, expectedVersion: Int): CommandResult!
    stopProject(id: ID!, reason: String!, expectedVersion: Int): CommandResult!
    completeProject(id: ID!, findings: JSON!, expectedVersion: Int): CommandResult!
    withdrawProject(id: ID!, reason: String!, expectedVersion: Int): CommandResult!
    "Changes proposal fields with a justification; every changed field is recorded."
    amendProject(
      id: ID!
      changes: JSON!
      justification: String!
      expectedVersion: Int
    ): CommandResult!
    setResearchPriority(id: ID!, priority: JSON!): CommandResult!
    reviseResearchPriority(
      id: ID!
      changes: JSON!
      justification: String!
      expectedVersion: Int
    ): CommandResult!
    retireResearchPriority(id: ID!, reason: String!, expectedVersion: Int): CommandResult!
  }
`;
