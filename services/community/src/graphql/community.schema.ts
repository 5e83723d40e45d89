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
    "The research projects this person is or was part of."
    projects: [Involvement!]!
  }

  type Involvement {
    person: Person
    project: ResearchProject!
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
  }

  type Mutation {
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
