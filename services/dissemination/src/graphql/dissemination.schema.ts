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
    "Draft, published or withdrawn."
    status: LibraryItemStatus!
    "What kind of item it is."
    kind: LibraryItemKind!
    title: String!
    summary: String!
    body: String
    year: Int!
    evidence: Evidence!
    tags: Tags!
    doi: String
    url: String
    "The security classification of the version shown."
    classification: Classification!
    projectIds: [ID!]!
    "The published version readers see; null before the first publication."
    version: Int
    publishedAt: String
    "Where the draft came from: a completed project, a partner's outcome, or an editor."
    source: ItemSource!
    "Editors only: the working copy, and whether it differs from the published version."
    draft: LibraryContent
    unpublishedChanges: Boolean
    releases: [Release!]!
    "Each version's delivery to each national body."
    deliveries: [Delivery!]!
    "Editors: who changed the item, when and why."
    auditTrail: [DisseminationAuditEntry!]!
  }

  ${auditEntryTypeDefs('DisseminationAuditEntry')}

  "What the evidence behind a published item (or, for editors, its working copy) is worth."
  type Evidence {
    "Maryland Scientific Methods Scale, 1 to 5."
    smsLevel: Int
    "The EMMIE effect evidence rating: strong, moderate, limited or none."
    emmieEffect: EmmieRating
    "The EMMIE ratings, each dimension's evidence and its quality."
    emmie: Emmie
    "Which way the intervention moved the primary outcomes."
    effectDirection: EffectDirection
    "The EBP level of the research: tactical, organisational or strategic."
    ebpLevel: EbpLevel
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
    "What kind of item it is."
    kind: LibraryItemKind!
    year: Int!
    smsLevel: Int
    "The EMMIE effect evidence rating, if the item has one."
    emmieEffect: EmmieRating
    "Which way the intervention moved the primary outcomes, if known."
    effectDirection: EffectDirection
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
    "A master class or a course."
    kind: MasterClassKind!
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
    myStatus: MasterClassPlace!
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
    libraryItems(status: LibraryItemStatus!): [LibraryItem!]!
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
    "Editors: drafts a new library item (its id chosen by the editor)."
    draftLibraryItem(id: ID!, content: LibraryContentInput!): LibraryItemPayload!
    "Editors: replaces the item's working copy."
    reviseLibraryItem(id: ID!, content: LibraryContentInput!): LibraryItemPayload!
    "Editors: publishes the working copy as the item's next version."
    publishLibraryItem(id: ID!): LibraryItemPayload!
    "Editors: withdraws the item from the library, saying why."
    withdrawLibraryItem(id: ID!, reason: String!): LibraryItemPayload!
    "The EBP Committee: lets an OFFICIAL-SENSITIVE version go to the national bodies named (their ids, e.g. research-map)."
    releaseLibraryItem(
      id: ID!
      version: Int!
      targetIds: [ID!]!
      justification: String!
    ): LibraryItemPayload!
    "Editors: tries a failed delivery to a national body again."
    retryDelivery(id: ID!): DeliveryPayload!
    "Organisers: schedules a master class or course (its id chosen by the organiser)."
    scheduleMasterClass(id: ID!, masterClass: MasterClassInput!): MasterClassPayload!
    "Takes a place for the caller, or a place on the waiting list when it is full."
    registerForMasterClass(id: ID!): MasterClassPayload!
    "Gives up the caller's place (or place on the waiting list)."
    cancelMasterClassRegistration(id: ID!): MasterClassPayload!
    "Organisers: records who attended (once it has started); the community records it as training."
    recordAttendance(id: ID!, personIds: [ID!]!): MasterClassPayload!
    "Organisers: cancels the master class, saying why."
    cancelMasterClass(id: ID!, reason: String!): MasterClassPayload!
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

  "A library item after a change to it."
  type LibraryItemPayload {
    "The item's id."
    id: ID!
    "The item as the caller may see it after the change; null if the change took it out of their sight (e.g. made it OFFICIAL-SENSITIVE without them on its need-to-know)."
    item: LibraryItem
    "The item's published version after the change (the new one after publishing); null while it has never been published, or with the item out of the caller's sight."
    version: Int
  }

  "A delivery after a change to it."
  type DeliveryPayload {
    "The delivery, to be tried again."
    delivery: Delivery!
  }

  "A master class as it is after the change."
  type MasterClassPayload {
    "The master class as the caller sees it after the change."
    masterClass: MasterClass!
  }

  "The network as it is after the change."
  type LearningNetworkPayload {
    "The network as the caller sees it after the change."
    network: LearningNetwork!
  }

  "The post shared, and its network."
  type ShareLearningPayload {
    "The new post's id."
    postId: ID!
    "The network the post was shared with, the post among its posts."
    network: LearningNetwork!
  }

  "The caller's subscription as it is after the change."
  type SubscribePayload {
    "What the caller's digest covers now."
    subscription: TopicSubscription!
  }
  ${disseminationInputTypeDefs}
`;
