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
