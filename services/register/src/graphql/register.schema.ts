/**
 * The register's subgraph schema (Federation 2). Exported as text so that the gateway's build
 * composes the supergraph from exactly what the service serves.
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

  type ResearchProject @key(fields: "id") {
    id: ID!
    title: String!
    summary: String!
    status: ProjectStatus!
    ebpLevel: String!
    priorityIds: [ID!]!
    plannedSmsLevel: Int!
    methods: [String!]!
    owningUnit: String!
    leadId: ID!
    classification: String!
    plannedStart: String!
    plannedEnd: String!
    proposedAt: String!
    updatedAt: String!
    outcomeSwitching: Boolean!
    amendments: Int!
  }

  type ProjectPage {
    items: [ResearchProject!]!
    total: Int!
  }

  input RegisterFilter {
    status: [ProjectStatus!]
    priorityId: ID
    owningUnit: String
    text: String
  }

  type SimilarProject {
    projectId: ID!
    title: String!
    score: Float!
  }

  type ProposeProjectResult {
    project: ResearchProject
    version: Int!
    similar: [SimilarProject!]!
  }

  type CommandResult {
    id: ID!
    version: Int!
    status: ProjectStatus!
  }

  type Query {
    researchProjects(filter: RegisterFilter, limit: Int, offset: Int): ProjectPage!
    researchProject(id: ID!): ResearchProject
  }

  type Mutation {
    proposeProject(id: ID!, proposal: JSON!): ProposeProjectResult!
    submitProject(id: ID!, expectedVersion: Int): CommandResult!
  }
`;
