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

  "Any JSON value: only an event's own data in a project's history is left untyped."
  scalar JSON

  "What the register list is sorted by."
  enum RegisterSortField {
    title
    proposed_at
    updated_at
    planned_sms_level
    planned_start
  }

  "Ascending or descending."
  enum SortDirection {
    asc
    desc
  }

  "A quality-assurance review of a project's research design."
  type ProjectReview {
    "The reviewer (a person's platform id)."
    reviewerId: ID!
    "The review's verdict on the design."
    verdict: ReviewVerdict!
    "The national research-design and statistical standards checklist: an answer for each criterion."
    checklist: QaChecklist!
    "The reviewer's comments."
    comments: String!
    "When the review was recorded (ISO 8601)."
    at: String!
    "Whether the review was of the project's current design. False once an amendment to the design, methods, SMS level or outcomes has made it a review of an earlier design, which no longer counts towards approval."
    current: Boolean!
  }

  "Who made a change: its kind and id (a person's platform id, never a name)."
  type Actor {
    "What kind of actor: a person, a service, a partner or the system."
    kind: ActorKind!
    "The actor's id."
    id: ID!
  }

  "One event of a project's history: what happened, who did it, when and why."
  type ProjectHistoryEntry {
    "The project's stream version this event made."
    version: Int!
    "The event's type, e.g. register.project.approved (see the event catalogue)."
    type: String!
    "When it was recorded (ISO 8601)."
    at: String!
    "Who did it."
    actor: Actor!
    "The reason given, where the change needs one (a decision, a suspension, an amendment)."
    why: String
    "The event's own data, as the event catalogue describes it for its type: opaque to the graph."
    data: JSON!
  }

  "Where the reported primary outcomes differ from those pre-registered."
  type OutcomeSwitching {
    "Pre-registered primary outcomes the findings do not report."
    notReported: [String!]!
    "Primary outcomes reported that were not pre-registered."
    notPreRegistered: [String!]!
  }

  "A research project in the Research and Learning Register, as the caller may see it."
  type ResearchProject @key(fields: "id") {
    "The project's id, made by the server when it was proposed."
    id: ID!
    "The project's title."
    title: String!
    "A plain-English summary."
    summary: String!
    "Where the project is in its lifecycle."
    status: ProjectStatus!
    "The EBP level: tactical, organisational or strategic."
    ebpLevel: EbpLevel!
    "The Research Plan priorities (ids) the project serves."
    priorityIds: [ID!]!
    "The Research Plan priorities the project serves."
    priorities: [ResearchPriority!]!
    "The Maryland Scientific Methods Scale level the design aims for (1 to 5)."
    plannedSmsLevel: Int!
    "The research methods used."
    methods: [String!]!
    "The unit of the force that owns the project."
    owningUnit: String!
    "The person (id) who leads the research."
    leadId: ID!
    "The person (id) who proposed it."
    proposedBy: ID!
    "The project's protective marking."
    classification: Classification!
    "When the research is planned to start (YYYY-MM-DD)."
    plannedStart: String!
    "When the research is planned to end (YYYY-MM-DD)."
    plannedEnd: String!
    "When it was proposed (ISO 8601)."
    proposedAt: String!
    "When it last changed (ISO 8601)."
    updatedAt: String!
    "When the research started (YYYY-MM-DD), once it has."
    startedOn: String
    "When the project completed (ISO 8601), once it has."
    completedAt: String
    "Whether the reported primary outcomes differ from those pre-registered."
    outcomeSwitching: Boolean!
    "Whether the pre-registered outcomes were amended after approval."
    outcomesChangedAfterApproval: Boolean!
    "How many amendments have been made."
    amendments: Int!
    "Which way the intervention moved the primary outcomes, once the project has completed."
    effectDirection: EffectDirection
    "The Maryland Scientific Methods Scale level achieved, once the project has completed."
    achievedSmsLevel: Int
    "The stream version: send it back as expectedVersion to refuse concurrent edits."
    version: Int!
    "The proposal as it stands (amendments applied): questions, design, EBP Matrix, ethics, pre-registered outcomes."
    proposal: ProjectProposal!
    "The quality-assurance reviews of its design, oldest first."
    reviews: [ProjectReview!]!
    "The findings, once the project has completed."
    findings: Findings
    "Which primary outcomes were switched, when any were."
    outcomeSwitchingDetail: OutcomeSwitching
    "Every recorded change, oldest first."
    history: [ProjectHistoryEntry!]!
  }

  "One page of the register list."
  type ProjectPage {
    "The projects on this page."
    items: [ResearchProject!]!
    "How many projects match, on every page."
    total: Int!
  }

  "A range of Maryland Scientific Methods Scale levels, both ends included."
  input SmsRange {
    "The lowest level."
    min: Int
    "The highest level."
    max: Int
  }

  "Which projects the register list shows; every condition given must hold."
  input RegisterFilter {
    "Projects in any of these statuses."
    status: [ProjectStatus!]
    "Projects serving this priority."
    priorityId: ID
    "Projects owned by this unit."
    owningUnit: String
    "Projects at this EBP level."
    ebpLevel: EbpLevel
    "Projects whose planned SMS level is in this range."
    smsLevel: SmsRange
    "Projects using this research method."
    method: String
    "Projects with this protective marking."
    classification: Classification
    "Words that must all appear in the title or summary."
    text: String
  }

  "How the register list is sorted."
  input RegisterSort {
    "The field sorted by."
    by: RegisterSortField!
    "Ascending or descending."
    direction: SortDirection!
  }

  "A Research Plan priority: what the force wants research on, why, when and whose."
  type ResearchPriority @key(fields: "id") {
    "The priority's id."
    id: ID!
    "The priority's title."
    title: String!
    "Why the force wants research on it."
    rationale: String!
    "When the priority starts (YYYY-MM-DD)."
    periodStart: String!
    "When the priority ends (YYYY-MM-DD)."
    periodEnd: String!
    "The person (id) who owns the priority."
    ownerId: ID!
    "Whether it is part of the Research Plan or retired."
    status: PriorityStatus!
    "The research projects linked to this priority that the caller may see."
    projects: [ResearchProject!]!
  }

  "The Research Plan for a year: its priorities, agreed by the EBP Committee."
  type ResearchPlan {
    "The year it is for (one plan a year)."
    year: Int!
    "Its title."
    title: String!
    "What it is for and how it was drawn up."
    summary: String!
    "A draft, agreed, or superseded once a later year's agreed plan is in force."
    status: ResearchPlanStatus!
    "The priorities that belong to it."
    priorities: [ResearchPriority!]!
    "When it was drafted (ISO 8601)."
    draftedAt: String!
    "Who drafted it (a person id)."
    draftedBy: ID!
    "When the committee agreed it (ISO 8601); null while a draft."
    agreedAt: String
    "Who recorded the committee's agreement (a person id)."
    agreedBy: ID
    "What the committee decided, in its words."
    decision: String
    "Every revision: who, when, why and which fields."
    revisions: [Revision!]!
  }

  "A revision of a plan or a work stream."
  type Revision {
    "When (ISO 8601)."
    at: String!
    "Who (a person id)."
    by: ID!
    "Why."
    justification: String!
    "The fields it changed."
    fields: [String!]!
  }

  "A work stream of the EBP Programme: its objective, approach, outcomes, owner and milestones."
  type Workstream {
    "The work stream's id."
    id: ID!
    "Its name."
    name: String!
    "What it is to achieve."
    objective: String!
    "How: the approach items."
    approach: [String!]!
    "The outcomes it is to bring about."
    outcomes: [String!]!
    "Who owns it (a person id)."
    ownerId: ID!
    "When it was defined (ISO 8601)."
    definedAt: String!
    "Its milestones, soonest due first."
    milestones: [Milestone!]!
    "How many of its milestones stand where, on the day asked about (today in a change's answer)."
    progress: MilestoneProgress!
    "Every revision: who, when, why and which fields."
    revisions: [Revision!]!
  }

  "A milestone of a work stream."
  type Milestone {
    "The milestone's id within its work stream."
    id: ID!
    "What is to be done."
    title: String!
    "When it is due (YYYY-MM-DD)."
    due: String!
    "The due date it was added with (YYYY-MM-DD): a later due date shows it slipped."
    firstDue: String!
    "Who owns it (a person id)."
    ownerId: ID!
    "Planned, in progress, done or dropped."
    status: MilestoneStatus!
    "What was said when it last moved (why it was dropped, for one)."
    note: String
    "Whether it is past its due date and neither done nor dropped, on the day asked about."
    overdue: Boolean!
  }

  "How a work stream's milestones stand."
  type MilestoneProgress {
    "Milestones planned."
    planned: Int!
    "Milestones in progress."
    inProgress: Int!
    "Milestones done."
    done: Int!
    "Milestones dropped."
    dropped: Int!
    "Milestones overdue (planned or in progress, and past their due date)."
    overdue: Int!
  }

  "A milestone past its due date, with its work stream."
  type OverdueMilestone {
    "The work stream."
    workstream: Workstream!
    "The milestone."
    milestone: Milestone!
  }

  "A Research Plan after a change to it."
  type ResearchPlanPayload {
    "The plan as it now stands."
    plan: ResearchPlan!
  }

  "A work stream after a change to it."
  type WorkstreamPayload {
    "The work stream as it now stands."
    workstream: Workstream!
  }

  "How much research one priority has against it."
  type PriorityCoverage {
    "The priority."
    priority: ResearchPriority!
    "How many projects the caller may see serve it."
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

  "How the Research Plan's priorities are covered by research."
  type ResearchPlanCoverage {
    "Every active priority with the research against it."
    priorities: [PriorityCoverage!]!
    "Priorities with no research against them."
    uncovered: [ResearchPriority!]!
  }

  "A deadline a project has missed or is about to miss."
  type ProjectDeadline {
    "The project."
    project: ResearchProject!
    "What is due: a progress report, the results or an ethics renewal."
    kind: DeadlineKind!
    "When it is due (YYYY-MM-DD)."
    due: String!
  }

  "An existing project like a new proposal (the duplicate warning)."
  type SimilarProject {
    "The existing project's id."
    projectId: ID!
    "Its title."
    title: String!
    "How alike the two are, from 0 to 1."
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

  "What an item of business is about."
  enum AgendaItemKind {
    "A proposal awaiting the committee's decision."
    PROPOSAL
    "A year's Research Plan."
    PLAN
    "An overdue milestone of the EBP Programme."
    MILESTONE
    "Any other business."
    OTHER
  }

  "An item of business on a meeting's agenda. A proposal's item is seen only by those who may see the project."
  type AgendaItem {
    "The item's id within its meeting."
    id: ID!
    "What it is about."
    kind: AgendaItemKind!
    "The proposal, for a proposal's item."
    project: ResearchProject
    "The plan's year, for a plan's item."
    planYear: Int
    "The work stream's id, for a milestone's item."
    workstreamId: ID
    "The milestone's id, for a milestone's item."
    milestoneId: ID
    "The title, for other business."
    title: String
    "Its papers."
    papers: [MeetingPaper!]!
  }

  "A paper for an item of business, by reference."
  type MeetingPaper {
    "The paper's id."
    id: ID!
    "Its title."
    title: String!
    "Where it is: an https address, or /library/<id> for a library item."
    href: String!
  }

  "An action agreed in a meeting."
  type MeetingAction {
    "The action's id."
    id: ID!
    "The item of business it arose from, if any."
    agendaItemId: ID
    "What is to be done."
    description: String!
    "Who is to do it (a person id)."
    ownerId: ID!
    "By when (YYYY-MM-DD)."
    dueOn: String!
    "Whether it is open and past its due date today."
    overdue: Boolean!
    "When it was completed (ISO 8601); null while open."
    completedAt: String
    "What was said when it was completed."
    completionNote: String
  }

  "A committee decision on a proposal, taken in the meeting."
  type MeetingDecision {
    "The proposal."
    project: ResearchProject!
    "Approve, reject or defer."
    decision: CommitteeDecision!
    "Why."
    reasons: String!
    "Who recorded it (a person id)."
    decidedBy: ID!
    "When (ISO 8601)."
    at: String!
  }

  "A note in the minutes on one item of business."
  type MinuteNote {
    "The item it is about."
    agendaItemId: ID!
    "What was said and agreed."
    note: String!
  }

  "A meeting's minutes."
  type Minutes {
    "The minutes of the meeting as a whole."
    summary: String!
    "Notes on the items of business the reader may see."
    notes: [MinuteNote!]!
    "Whether a later meeting has approved them (then they are published to every member of staff)."
    approved: Boolean!
    "The meeting that approved them."
    approvedIn: ID
    "When they were approved (ISO 8601)."
    approvedAt: String
  }

  """
  A meeting of the EBP Committee or the Steering Group. The committee's business (reviewers, the
  committee, administrators) sees its agenda, papers, decisions, actions and draft minutes; other
  members of staff see held meetings whose minutes are approved, with the minutes and decisions
  only. Business about a project follows the project's need-to-know rule for every reader.
  """
  type Meeting {
    "The meeting's id."
    id: ID!
    "Which body meets."
    body: MeetingBody!
    "Its title."
    title: String!
    "The day it is held (YYYY-MM-DD)."
    heldOn: String!
    "Scheduled, in session, held or cancelled."
    status: MeetingStatus!
    "Who scheduled it (a person id)."
    scheduledBy: ID!
    "Its agenda, in order (empty for readers outside the committee's business)."
    agenda: [AgendaItem!]!
    "The decisions on proposals taken in it."
    decisions: [MeetingDecision!]!
    "Its actions (empty for readers outside the committee's business)."
    actions: [MeetingAction!]!
    "Its minutes: drafts for the committee's business, approved minutes for everyone."
    minutes: Minutes
    "Why it was cancelled."
    cancelledFor: String
  }

  "An action after its completion: its owner may not be one who reads the meeting."
  type MeetingActionPayload {
    "The action as it now stands."
    action: MeetingAction!
  }

  "A meeting after a change to it."
  type MeetingPayload {
    "The meeting as it now stands."
    meeting: Meeting!
  }

  "The register's questions: the Research and Learning Register, the Research Plan and governance reports."
  type Query {
    "The register list; with asOf, the register as it stood at the end of that instant."
    researchProjects(
      "Which projects to show."
      filter: RegisterFilter
      "How to sort them (default: most recently changed first)."
      sort: RegisterSort
      "How many to show (default 50, at most 200)."
      limit: Int
      "How many to skip."
      offset: Int
      "An instant (ISO 8601): the register as it stood then."
      asOf: String
    ): ProjectPage!
    "A project now, or as it stood at the end of asOf."
    researchProject(
      "The project's id."
      id: ID!
      "An instant (ISO 8601): the project as it stood then."
      asOf: String
    ): ResearchProject
    "The Research Plan's priorities."
    researchPriorities(
      "Include retired priorities too."
      includeRetired: Boolean
    ): [ResearchPriority!]!
    "How the Research Plan's priorities are covered by the research the caller may see."
    researchPlanCoverage: ResearchPlanCoverage!
    "Every year's Research Plan, the latest year first."
    researchPlans: [ResearchPlan!]!
    "The Research Plan for a year; null if there is none."
    researchPlan("The year." year: Int!): ResearchPlan
    "The plan in force: the latest agreed plan for this year or before (not one still to come); null if none."
    currentResearchPlan: ResearchPlan
    "The EBP Programme: its work streams by name."
    ebpProgramme(
      "The day (YYYY-MM-DD) overdue milestones are counted on; today by default."
      today: String
    ): [Workstream!]!
    "Milestones of the EBP Programme past their due date and neither done nor dropped, oldest first."
    overdueMilestones(
      "The day (YYYY-MM-DD) to count from; today by default."
      today: String
    ): [OverdueMilestone!]!
    "Missed and imminent deadlines: progress reports, results, ethics approvals."
    overdueProjects(
      "The day to count from (YYYY-MM-DD); today by default."
      today: String
    ): [ProjectDeadline!]!
    "The quarterly EBP governance report as of the end of a day (YYYY-MM-DD), rebuilt by replaying the register; for the committee, the EBP Delivery Team and administrators."
    governanceReport(
      "The day (YYYY-MM-DD) the report is as of."
      asOf: String!
      "The report's format."
      format: ReportFormat = JSON
    ): String!
    "What changed between two report dates (e.g. the committee's last two meetings): JSON or MARKDOWN."
    governanceComparison(
      "The earlier day (YYYY-MM-DD)."
      from: String!
      "The later day (YYYY-MM-DD)."
      to: String!
      "The comparison's format."
      format: ReportFormat = JSON
    ): String!
    "Meetings of the EBP Committee and the Steering Group, the latest first (see Meeting for who sees what)."
    meetings: [Meeting!]!
    "A meeting; null if there is none the caller may see."
    meeting("The meeting's id." id: ID!): Meeting
    "Open actions of the committee's meetings past their due date, oldest first."
    overdueMeetingActions(
      "The day (YYYY-MM-DD) to count from; today by default."
      today: String
    ): [MeetingAction!]!
  }

  "A governance report's format."
  enum ReportFormat {
    JSON
    MARKDOWN
    CSV
    HTML
  }

  "The register's changes: proposals, quality assurance, decisions, the lifecycle and the Research Plan."
  type Mutation {
    """
    Proposes a project. The server makes its id (returned as projectId). Send an idempotencyKey of
    your own (e.g. a UUID per form) to retry safely: the same key from the same caller answers with
    the project it first created, rather than creating another.
    """
    proposeProject(
      "The proposal."
      proposal: ProjectProposalInput!
      "A key of the caller's own that makes a retry safe."
      idempotencyKey: String
    ): ProposeProjectPayload!
    "Submits a proposed project for quality assurance and the EBP Committee's decision."
    submitProject(
      "The project's id."
      id: ID!
      "The version last read: the change is refused if the project has changed since."
      expectedVersion: Int
    ): ProjectPayload!
    "Records a quality-assurance review of a submitted project's design (reviewers only)."
    recordReview(
      "The project's id."
      id: ID!
      "The verdict on the design."
      verdict: ReviewVerdict!
      "An answer for every criterion of the national research-design standards."
      checklist: QaChecklistInput!
      "The reviewer's comments."
      comments: String!
      "The version last read: the change is refused if the project has changed since."
      expectedVersion: Int
    ): ProjectPayload!
    "Records the EBP Committee's decision on a submitted project (committee only)."
    decideProject(
      "The project's id."
      id: ID!
      "Approve, reject or defer."
      decision: CommitteeDecision!
      "Why: recorded with the decision."
      reasons: String!
      "The meeting in session it is taken in, which must list the proposal on its agenda."
      meetingId: ID
      "The version last read: the change is refused if the project has changed since."
      expectedVersion: Int
    ): ProjectPayload!
    "Starts an approved project."
    startProject(
      "The project's id."
      id: ID!
      "The version last read: the change is refused if the project has changed since."
      expectedVersion: Int
    ): ProjectPayload!
    "Reports progress on a project in progress."
    reportProgress(
      "The project's id."
      id: ID!
      "What has been done since the last report."
      summary: String!
      "The version last read: the change is refused if the project has changed since."
      expectedVersion: Int
    ): ProjectPayload!
    "Suspends a project in progress."
    suspendProject(
      "The project's id."
      id: ID!
      "Why it is suspended."
      reason: String!
      "The version last read: the change is refused if the project has changed since."
      expectedVersion: Int
    ): ProjectPayload!
    "Resumes a suspended project."
    resumeProject(
      "The project's id."
      id: ID!
      "The version last read: the change is refused if the project has changed since."
      expectedVersion: Int
    ): ProjectPayload!
    "Stops a project before it completes."
    stopProject(
      "The project's id."
      id: ID!
      "Why it is stopped."
      reason: String!
      "The version last read: the change is refused if the project has changed since."
      expectedVersion: Int
    ): ProjectPayload!
    "Completes a project with its findings; outcome switching is detected against the pre-registered outcomes."
    completeProject(
      "The project's id."
      id: ID!
      "The project's findings."
      findings: FindingsInput!
      "The version last read: the change is refused if the project has changed since."
      expectedVersion: Int
    ): ProjectPayload!
    "Withdraws a project that has not started."
    withdrawProject(
      "The project's id."
      id: ID!
      "Why it is withdrawn."
      reason: String!
      "The version last read: the change is refused if the project has changed since."
      expectedVersion: Int
    ): ProjectPayload!
    "Changes proposal fields with a justification; every changed field is recorded."
    amendProject(
      "The project's id."
      id: ID!
      "The fields that change, with their new values."
      changes: ProjectProposalChangesInput!
      "Why they change: recorded with the amendment."
      justification: String!
      "The version last read: the change is refused if the project has changed since."
      expectedVersion: Int
    ): ProjectPayload!
    "Sets a new Research Plan priority under the id given."
    setResearchPriority(
      "The new priority's id."
      id: ID!
      "The priority."
      priority: ResearchPriorityInput!
    ): ResearchPriorityPayload!
    "Changes a priority's fields with a justification; every changed field is recorded."
    reviseResearchPriority(
      "The priority's id."
      id: ID!
      "The fields that change, with their new values."
      changes: ResearchPriorityChangesInput!
      "Why they change: recorded with the revision."
      justification: String!
      "The version last read: the change is refused if the priority has changed since."
      expectedVersion: Int
    ): ResearchPriorityPayload!
    "The EBP Delivery Team or committee: drafts the Research Plan for a year (one plan a year)."
    draftResearchPlan(
      "The year it is for."
      year: Int!
      "The plan."
      plan: ResearchPlanInput!
    ): ResearchPlanPayload!
    "Changes a plan's fields with a justification (also after it is agreed)."
    reviseResearchPlan(
      "The plan's year."
      year: Int!
      "The fields that change, with their new values."
      changes: ResearchPlanChangesInput!
      "Why they change: recorded with the revision."
      justification: String!
    ): ResearchPlanPayload!
    "The EBP Committee: agrees the plan for a year, once, saying what it decided."
    agreeResearchPlan(
      "The plan's year."
      year: Int!
      "What the committee decided, in its words."
      decision: String!
    ): ResearchPlanPayload!
    "Defines a work stream of the EBP Programme under the id given."
    defineWorkstream(
      "The new work stream's id."
      id: ID!
      "The work stream."
      workstream: WorkstreamInput!
    ): WorkstreamPayload!
    "Changes a work stream's fields with a justification."
    reviseWorkstream(
      "The work stream's id."
      id: ID!
      "The fields that change, with their new values."
      changes: WorkstreamChangesInput!
      "Why they change."
      justification: String!
    ): WorkstreamPayload!
    "Adds a milestone to a work stream under the id given."
    addMilestone(
      "The work stream's id."
      workstreamId: ID!
      "The new milestone's id within the work stream."
      milestoneId: ID!
      "The milestone."
      milestone: MilestoneInput!
    ): WorkstreamPayload!
    "Moves an open milestone's due date, saying why. Its owner may too."
    rescheduleMilestone(
      "The work stream's id."
      workstreamId: ID!
      "The milestone's id."
      milestoneId: ID!
      "The new due date (YYYY-MM-DD)."
      due: String!
      "Why it moves."
      justification: String!
    ): WorkstreamPayload!
    "Moves a milestone on: in progress, done, or dropped (saying why). Its owner may too."
    progressMilestone(
      "The work stream's id."
      workstreamId: ID!
      "The milestone's id."
      milestoneId: ID!
      "Where it now stands."
      status: MilestoneStatus!
      "What to record with it (required when dropping)."
      note: String
    ): WorkstreamPayload!
    "The secretariat (the EBP Delivery Team, the committee): schedules a meeting; its agenda lists the proposals awaiting decision, draft plans and overdue milestones."
    scheduleMeeting(
      "Which body meets."
      body: MeetingBody!
      "Its title."
      title: String!
      "The day it is held (YYYY-MM-DD)."
      heldOn: String!
    ): MeetingPayload!
    "Adds an item of business to a meeting not yet held."
    addAgendaItem(
      "The meeting's id."
      meetingId: ID!
      "The item."
      item: AgendaItemInput!
    ): MeetingPayload!
    "Attaches a paper to an item of business, by reference."
    attachMeetingPaper(
      "The meeting's id."
      meetingId: ID!
      "The item's id."
      agendaItemId: ID!
      "The paper."
      paper: MeetingPaperInput!
    ): MeetingPayload!
    "Opens a scheduled meeting: decisions and actions may then be taken in it."
    openMeeting("The meeting's id." meetingId: ID!): MeetingPayload!
    "Closes a meeting in session: it is then held, and its minutes may be drafted."
    closeMeeting("The meeting's id." meetingId: ID!): MeetingPayload!
    "Cancels a meeting before it opens."
    cancelMeeting("The meeting's id." meetingId: ID!, "Why." reason: String!): MeetingPayload!
    "Records an action agreed in a meeting in session."
    recordMeetingAction(
      "The meeting's id."
      meetingId: ID!
      "The item of business it arose from, if any."
      agendaItemId: ID
      "The action."
      action: MeetingActionInput!
    ): MeetingPayload!
    "Completes an action (its owner or the secretariat)."
    completeMeetingAction(
      "The meeting's id."
      meetingId: ID!
      "The action's id."
      actionId: ID!
      "What was done."
      note: String!
    ): MeetingActionPayload!
    "Drafts or redrafts the minutes of a held meeting."
    draftMinutes(
      "The meeting's id."
      meetingId: ID!
      "The minutes."
      minutes: MinutesInput!
    ): MeetingPayload!
    "The committee: approves a held meeting's minutes in a later meeting of the same body while it sits; they are then published."
    approveMinutes(
      "The meeting whose minutes are approved."
      meetingId: ID!
      "The later meeting, in session, that approves them."
      inMeetingId: ID!
    ): MeetingPayload!
    "Retires a priority from the Research Plan."
    retireResearchPriority(
      "The priority's id."
      id: ID!
      "Why it is retired."
      reason: String!
      "The version last read: the change is refused if the priority has changed since."
      expectedVersion: Int
    ): ResearchPriorityPayload!
  }

  ${registerInputTypeDefs}
`;
