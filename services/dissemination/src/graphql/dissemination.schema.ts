import { auditEntryTypeDefs } from '@ebp/platform';
import { disseminationInputTypeDefs } from './dissemination-inputs';

/**
 * The dissemination service's subgraph schema (Federation 2): the Research and Learning Library,
 * 'What Works' search, deliveries to national bodies, master classes, Local Learning Networks,
 * subscriptions, and the publications of the register's projects.
 */
export const disseminationTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  scalar JSON

  "A report, evidence summary, toolkit, briefing or partner outcome in the library."
  type LibraryItem @key(fields: "id") {
    id: ID!
    "draft, published or withdrawn."
    status: String!
    kind: String!
    title: String!
    summary: String!
    body: String
    year: Int!
    evidence: Evidence!
    tags: Tags!
    doi: String
    url: String
    classification: String!
    projectIds: [ID!]!
    "The published version readers see; null before the first publication."
    version: Int
    publishedAt: String
    "Where the draft came from: a completed project, a partner's outcome, or an editor."
    source: JSON!
    "Editors only: the working copy, and whether it differs from the published version."
    draft: JSON
    unpublishedChanges: Boolean
    releases: [Release!]!
    "Each version's delivery to each national body."
    deliveries: [Delivery!]!
    "Editors: who changed the item, when and why."
    auditTrail: [DisseminationAuditEntry!]!
  }

  ${auditEntryTypeDefs('DisseminationAuditEntry')}

  type Evidence {
    "Maryland Scientific Methods Scale, 1 to 5."
    smsLevel: Int
    "The EMMIE effect evidence rating: strong, moderate, limited or none."
    emmieEffect: String
    emmie: JSON
    effectDirection: String
    ebpLevel: String
  }

  type Tags {
    crimeProblems: [String!]!
    interventions: [String!]!
    populations: [String!]!
    settings: [String!]!
  }

  "A release decision for an OFFICIAL-SENSITIVE version: to which national bodies, and why."
  type Release {
    version: Int!
    targetIds: [ID!]!
    justification: String!
    by: ID!
    at: String!
  }

  enum DeliveryStatus {
    PENDING
    SENT
    ACKNOWLEDGED
    FAILED
    RETRYING
  }

  type Delivery {
    id: ID!
    itemId: ID!
    version: Int!
    targetId: ID!
    status: DeliveryStatus!
    attempts: Int!
    lastError: String
    lastHttpStatus: Int
    nextAttemptAt: String
    reference: String
    updatedAt: String!
  }

  "A national body findings are shared with, and whether this deployment delivers to it."
  type DisseminationTarget {
    id: ID!
    name: String!
    format: String!
    configured: Boolean!
  }

  input SearchFilters {
    crimeProblems: [String!]
    interventions: [String!]
    smsLevels: [Int!]
    emmieEffects: [String!]
    ebpLevels: [String!]
    years: [Int!]
    kinds: [String!]
  }

  type SearchHit {
    item: LibraryItem!
    score: Float!
    title: String!
    summary: String!
    kind: String!
    year: Int!
    smsLevel: Int
    emmieEffect: String
    effectDirection: String
  }

  type FacetCount {
    value: String!
    count: Int!
  }

  type Facets {
    crimeProblem: [FacetCount!]!
    intervention: [FacetCount!]!
    smsLevel: [FacetCount!]!
    emmieEffect: [FacetCount!]!
    ebpLevel: [FacetCount!]!
    year: [FacetCount!]!
  }

  type SearchResult {
    total: Int!
    hits: [SearchHit!]!
    facets: Facets!
  }

  type Person @key(fields: "id", resolvable: false) {
    id: ID!
  }

  "A master class or course, with its places and waiting list."
  type MasterClass @key(fields: "id") {
    id: ID!
    title: String!
    kind: String!
    description: String!
    presenter: String!
    startsAt: String!
    durationMinutes: Int!
    location: String!
    capacity: Int!
    topics: [String!]!
    cancelled: Boolean!
    placesTaken: Int!
    waitingCount: Int!
    "The caller's own place: registered, waiting, attended or none."
    myStatus: String!
    "Organisers only."
    registered: [Person!]
    waiting: [Person!]
    attended: [Person!]
    "Organisers: who changed the master class, when and why."
    auditTrail: [DisseminationAuditEntry!]!
  }

  "A Local Learning Network: an area or a theme, its members and the learning they share."
  type LearningNetwork @key(fields: "id") {
    id: ID!
    name: String!
    focus: LearningNetworkFocus!
    area: String
    theme: String
    description: String!
    members: [Person!]!
    posts: [LearningPost!]!
    auditTrail: [DisseminationAuditEntry!]!
  }

  type LearningPost {
    id: ID!
    author: Person!
    title: String!
    body: String!
    items: [LibraryItem!]!
    sharedAt: String!
  }

  "What a person wants a digest of."
  type TopicSubscription {
    topics: [String!]!
    crimeProblems: [String!]!
  }

  type ResearchProject @key(fields: "id") {
    id: ID!
    "Published library items about the project that the caller may read."
    publications: [LibraryItem!]!
  }

  type Query {
    libraryItem(id: ID!): LibraryItem
    "Editors: items by status (draft, published, withdrawn), most recently changed first."
    libraryItems(status: String!): [LibraryItem!]!
    recentlyPublished(limit: Int): [LibraryItem!]!
    "'What Works': ranked full-text search with facets."
    search(text: String, filters: SearchFilters, limit: Int, offset: Int): SearchResult!
    "What works for a crime problem: its items, strongest evidence first."
    whatWorks(crimeProblem: String!): [SearchHit!]!
    disseminationTargets: [DisseminationTarget!]!
    masterClass(id: ID!): MasterClass
    upcomingMasterClasses: [MasterClass!]!
    learningNetworks: [LearningNetwork!]!
    learningNetwork(id: ID!): LearningNetwork
    mySubscription: TopicSubscription!
    "Items published since the date that match the caller's subscription."
    myDigest(since: String!): [LibraryItem!]!
  }

  type Mutation {
    draftLibraryItem(id: ID!, content: JSON!): Boolean!
    reviseLibraryItem(id: ID!, content: JSON!): Boolean!
    "Publishes the working copy; returns the new version number."
    publishLibraryItem(id: ID!): Int!
    withdrawLibraryItem(id: ID!, reason: String!): Boolean!
    releaseLibraryItem(id: ID!, version: Int!, targetIds: [ID!]!, justification: String!): Boolean!
    retryDelivery(id: ID!): Boolean!
    scheduleMasterClass(id: ID!, masterClass: JSON!): Boolean!
    registerForMasterClass(id: ID!): Boolean!
    cancelMasterClassRegistration(id: ID!): Boolean!
    recordAttendance(id: ID!, personIds: [ID!]!): Boolean!
    cancelMasterClass(id: ID!, reason: String!): Boolean!
    "Sets up a Local Learning Network (EBP champions and the EBP team)."
    createLearningNetwork(id: ID!, network: LearningNetworkInput!): LearningNetworkPayload!
    "Joins the network as the caller."
    joinLearningNetwork(id: ID!): LearningNetworkPayload!
    "Leaves the network."
    leaveLearningNetwork(id: ID!): LearningNetworkPayload!
    "Shares learning with a network."
    shareLearning(networkId: ID!, post: LearningPostInput!): ShareLearningPayload!
    "Sets what the caller's digest covers."
    subscribe(subscription: SubscriptionInput!): SubscribePayload!
  }

  "The network as it is after the change."
  type LearningNetworkPayload {
    network: LearningNetwork!
  }

  "The post shared, and its network."
  type ShareLearningPayload {
    "The new post's id."
    postId: ID!
    network: LearningNetwork!
  }

  "The caller's subscription as it is after the change."
  type SubscribePayload {
    subscription: TopicSubscription!
  }
  ${disseminationInputTypeDefs}
`;
