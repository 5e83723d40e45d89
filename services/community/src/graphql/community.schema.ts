import { auditEntryTypeDefs } from '@ebp/platform';

/**
 * The community's subgraph schema (Federation 2). Personal fields (name, contact, credentials,
 * ORCID) are null unless the caller may see them; each one returned is recorded in the read log.
 */
export const communityTypeDefs = /* GraphQL */ `
  extend schema
    @link(
      url: "https://specs.apollo.dev/federation/v2.3"
      import: ["@key", "@external", "@requires"]
    )

  scalar JSON

  enum ReadPurpose {
    self_service
    expertise_search
    team_building
    research_contact
    profile_maintenance
    governance
  }

  type Contact {
    email: String!
    phone: String
  }

  type PersonSkill {
    method: String!
    selfAssessed: Int!
    verified: Int
  }

  type Championship {
    area: String!
    from: String!
    until: String
  }

  ${auditEntryTypeDefs('CommunityAuditEntry')}

  type Training {
    activityId: ID!
    title: String!
    kind: String!
    attendedOn: String!
  }

  type Person @key(fields: "id") {
    id: ID!
    status: String!
    name: String
    rankOrGrade: String
    unit: String
    contact: Contact
    credentials: JSON
    orcid: String
    skills: [PersonSkill!]!
    topics: [String!]!
    championships: [Championship!]!
    training: [Training!]!
    "Who changed this record, when and why: for the person or an administrator (the read is recorded)."
    auditTrail: [CommunityAuditEntry!]!
    "The research projects this person is or was part of."
    projects: [Involvement!]!
  }

  type Involvement {
    person: Person
    "Null only in the moment after the caller lost need-to-know, before this service caught up."
    project: ResearchProject
    role: String!
    from: String!
    status: String!
    endedOn: String
    endReason: String
  }

  type ResearchProject @key(fields: "id") {
    id: ID!
    title: String! @external
    summary: String! @external
    methods: [String!]! @external
    owningUnit: String! @external
    proposal: JSON! @external
    "Everyone who is or was part of the project, from the talent pool."
    team: [Involvement!]!
    "People from the talent pool for the project's methods, topic and owning unit (researchers, the committee)."
    suggestedTeam(size: Int): [TeamSuggestion!]!
      @requires(fields: "title summary methods owningUnit proposal")
  }

  type TeamSuggestion {
    person: Person!
    role: String!
    "The methods (or, for a champion, the unit) this person covers."
    covers: [String!]!
  }

  type RankedExpert {
    person: Person!
    score: Float!
    matchedMethods: JSON!
    matchedTopics: [String!]!
  }

  "One read of a person's personal fields. Ids and codes only: the log holds nothing about the person."
  type PersonalRead {
    readerId: ID!
    fields: [String!]!
    purpose: ReadPurpose!
    correlationId: String
    at: String!
  }

  "A nomination for the Commissioner's EBP award."
  type AwardNomination {
    id: ID!
    nominee: Person
    nominatedBy: ID!
    projectIds: [ID!]!
    outcome: String
    reason: String
    "About the nominee: the EBP Committee and administrators only, and each read is logged."
    citation: String
  }

  "An application to the Commissioner's EBP fund (amounts in whole pounds)."
  type FundApplication {
    id: ID!
    applicant: Person
    title: String!
    summary: String!
    amountRequested: Int!
    projectId: ID
    outcome: String
    amountAwarded: Int
    reason: String
  }

  "A round of the Commissioner's EBP award and fund."
  type AwardRound {
    id: ID!
    title: String!
    status: String!
    opensOn: String!
    closesOn: String!
    fundBudget: Int!
    fundCommitted: Int!
    "All nominations for the committee; for others the awarded, the commended and their own."
    nominations: [AwardNomination!]!
    "All applications for the committee; for others the funded ones and their own."
    applications: [FundApplication!]!
  }

  "Where an award round stands."
  enum AwardRoundStatus {
    "Not closed by the committee: it takes nominations and applications between its dates."
    open
    "Closed by the committee, which decides its nominations and applications."
    closed
  }

  "Which award rounds to list; every condition given must hold."
  input AwardRoundFilter {
    "Rounds in this state."
    status: AwardRoundStatus
    "True: rounds with a fund to apply to (a budget above £0); false: award-only rounds (a budget of £0 takes no applications). Every round takes nominations for the award."
    hasFund: Boolean
  }

  "One page of award rounds, and how many match in all."
  type AwardRoundPage {
    "The rounds on this page, most recently opening first, then by id."
    items: [AwardRound!]!
    "The rounds matching the filter, over all pages."
    total: Int!
  }

  "Where a skills audit stands."
  enum SkillsAuditStatus {
    "Not closed: it takes answers between its dates from the people of its units."
    open
    "Closed: it takes no more answers."
    closed
  }

  "A question of a skills audit."
  type SkillsAuditQuestion {
    "The question's id, as answers name it."
    questionId: ID!
    "The skill (e.g. a research method) the question is about."
    skill: String!
    "The question as put to people."
    text: String!
  }

  "A skills audit: what it asks, of which units, and when."
  type SkillsAudit {
    "The audit's id, as skillsAuditReport and answerSkillsAudit name it."
    id: ID!
    "The audit's title."
    title: String!
    "Whether it takes answers."
    status: SkillsAuditStatus!
    "The first day it takes answers (YYYY-MM-DD)."
    opensOn: String!
    "The last day it takes answers (YYYY-MM-DD)."
    closesOn: String!
    "The units whose people it asks."
    targetUnits: [String!]!
    "What it asks."
    questions: [SkillsAuditQuestion!]!
  }

  "Which skills audits to list; every condition given must hold."
  input SkillsAuditFilter {
    "Audits in this state."
    status: SkillsAuditStatus
    "Audits that ask this unit's people."
    unit: String
  }

  "One page of skills audits, and how many match in all."
  type SkillsAuditPage {
    "The audits on this page, most recently opening first, then by id."
    items: [SkillsAudit!]!
    "The audits matching the filter, over all pages."
    total: Int!
  }

  type Query {
    person(id: ID!, purpose: ReadPurpose!): Person
    experts(
      methods: [String!]
      topics: [String!]
      unit: String
      minimumLevel: Float
    ): [RankedExpert!]!
    champions(unit: String): [Person!]!
    skillsAuditReport(id: ID!): JSON
    "Who read this person's personal fields, when, which and why (the person, administrators)."
    personalReads(personId: ID!): [PersonalRead!]!
    awardRound(id: ID!): AwardRound
    "Award rounds, most recently opening first, then by id. Each round shows what awardRound shows the caller: the same nominations and applications, and the same projects, left out by the same rules."
    awardRounds(
      "Which rounds; all of them when absent."
      filter: AwardRoundFilter
      "Rounds per page: 50 unless given, at most 200."
      limit: Int
      "Rounds to skip before the page (0 unless given)."
      offset: Int
    ): AwardRoundPage!
    "Skills audits, most recently opening first, then by id: for those who read their reports (the committee, reviewers and administrators)."
    skillsAudits(
      "Which audits; all of them when absent."
      filter: SkillsAuditFilter
      "Audits per page: 50 unless given, at most 200."
      limit: Int
      "Audits to skip before the page (0 unless given)."
      offset: Int
    ): SkillsAuditPage!
  }

  type Mutation {
    openAwardRound(id: ID!, round: JSON!): Boolean!
    nominateForAward(
      roundId: ID!
      nominationId: ID!
      nomineeId: ID!
      citation: String!
      projectIds: [ID!]
    ): Boolean!
    applyToFund(roundId: ID!, applicationId: ID!, application: JSON!): Boolean!
    closeAwardRound(id: ID!): Boolean!
    decideNomination(roundId: ID!, nominationId: ID!, outcome: String!, reason: String!): Boolean!
    decideFundApplication(
      roundId: ID!
      applicationId: ID!
      outcome: String!
      amountAwarded: Int
      reason: String!
    ): Boolean!
    registerPerson(id: ID!, profile: JSON!): Boolean!
    updateProfile(id: ID!, changes: JSON!, expectedVersion: Int): Boolean!
    verifySkill(id: ID!, method: String!, level: Int!): Boolean!
    appointChampion(id: ID!, area: String!, from: String!, until: String): Boolean!
    erasePerson(id: ID!, reason: String!): Boolean!
    joinProject(personId: ID!, projectId: ID!, role: String!): Boolean!
    launchSkillsAudit(id: ID!, audit: JSON!): Boolean!
    answerSkillsAudit(id: ID!, answers: JSON!): Boolean!
    closeSkillsAudit(id: ID!): Boolean!
  }
`;
