/**
 * The community's subgraph schema (Federation 2). Personal fields (name, contact, credentials,
 * ORCID) are null unless the caller may see them; each one returned is recorded in the read log.
 */
export const communityTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

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
    "Everyone who is or was part of the project, from the talent pool."
    team: [Involvement!]!
  }

  type RankedExpert {
    person: Person!
    score: Float!
    matchedMethods: JSON!
    matchedTopics: [String!]!
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
