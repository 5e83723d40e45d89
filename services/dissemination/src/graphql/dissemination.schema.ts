import { auditEntryTypeDefs } from '@ebp/platform';
import { disseminationInputTypeDefs } from './dissemination-inputs';

/**
 * The dissemination service's subgraph schema (Federation 2): the Research and Learning Library,
 * 'What Works' search, deliveries to national bodies, master classes, Local Learning Networks,
 * subscriptions, and the publications of the register's projects.
 */
export const disseminationTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  "Any JSON value: only an audit entry's event data is left untyped."
  scalar JSON

  "A report, evidence summary, toolkit, briefing or partner outcome in the library."
  type LibraryItem @key(fields: "id") {
    "The item's id."
    id: ID!
    "Draft, published or withdrawn."
    status: LibraryItemStatus!
    "What kind of item it is."
    kind: LibraryItemKind!
    "The item's title."
    title: String!
    "A plain-English summary."
    summary: String!
    "The full text, where the library holds it."
    body: String
    "The year of the research or publication."
    year: Int!
    "How strong the evidence is: SMS level, EMMIE ratings, effect direction, EBP level."
    evidence: Evidence!
    "What the item is about: its crime problems, interventions, methods, topics, populations and settings."
    tags: Tags!
    "Its DOI, if it has one."
    doi: String
    "Where to read it elsewhere, if anywhere."
    url: String
    "The security classification of the version shown."
    classification: Classification!
    "The register's projects (ids) it is about, as the caller may see them."
    projectIds: [ID!]!
    "The published version readers see; null before the first publication."
    version: Int
    "When its current version was published (ISO 8601), once it has been."
    publishedAt: String
    "Where the draft came from: a completed project, a partner's outcome, or an editor."
    source: ItemSource!
    "Editors only: the working copy, and whether it differs from the published version."
    draft: LibraryContent
    "Editors: whether the working copy differs from the published version."
    unpublishedChanges: Boolean
    "The committee's releases of OFFICIAL-SENSITIVE versions to national bodies."
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

  "What an item is about, as tagged (lower case): the facets 'What Works' searches by."
  type Tags {
    "Crime problems, e.g. burglary: matched through the crime problems vocabulary."
    crimeProblems: [String!]!
    "Interventions, e.g. hot spots policing: matched through the interventions vocabulary."
    interventions: [String!]!
    "Populations, e.g. young people."
    populations: [String!]!
    "Settings, e.g. a town centre."
    settings: [String!]!
    "Research methods, e.g. randomised controlled trial: matched through the research methods vocabulary."
    methods: [String!]!
    "Broader research topics, e.g. public trust and confidence: matched through the topics vocabulary."
    topics: [String!]!
  }

  "A release decision for an OFFICIAL-SENSITIVE version: to which national bodies, and why."
  type Release {
    "The version released."
    version: Int!
    "The national bodies (ids) it may go to."
    targetIds: [ID!]!
    "Why it may go."
    justification: String!
    "Who released it (a person's id)."
    by: ID!
    "When (ISO 8601)."
    at: String!
  }

  "One version of an item on its way to one national body."
  type Delivery {
    "The delivery's id."
    id: ID!
    "The library item's id."
    itemId: ID!
    "The item's version delivered."
    version: Int!
    "The national body's id."
    targetId: ID!
    "Where the delivery stands."
    status: DeliveryStatus!
    "How many times it has been tried."
    attempts: Int!
    "Why the last attempt failed, if it did."
    lastError: String
    "The HTTP status of the last answer, if any."
    lastHttpStatus: Int
    "When it is tried again (ISO 8601), if it will be."
    nextAttemptAt: String
    "The national body's reference for it, once acknowledged."
    reference: String
    "When it last changed (ISO 8601)."
    updatedAt: String!
  }

  "A national body findings are shared with, and whether this deployment delivers to it."
  type DisseminationTarget {
    "The national body's id, e.g. research-map."
    id: ID!
    "Its name."
    name: String!
    "The format it takes."
    format: String!
    "Whether this platform has its address (none set: nothing is sent)."
    configured: Boolean!
  }

  "Which items to search; every filter given must hold. A term filter (crime problems, interventions, methods, topics) holds for an item tagged with any of its terms, in any spelling or synonym the vocabularies know (RCT is a randomised controlled trial); a term they lack matches its own spellings."
  input SearchFilters {
    "Crime problems, e.g. burglary (a facet value or any spelling of one)."
    crimeProblems: [String!]
    "Interventions, e.g. hot spots policing."
    interventions: [String!]
    "Research methods, e.g. randomised controlled trial."
    methods: [String!]
    "Broader research topics, e.g. public trust and confidence."
    topics: [String!]
    "Maryland Scientific Methods Scale levels, 1 to 5."
    smsLevels: [Int!]
    "EMMIE effect evidence ratings: strong, moderate, limited or none."
    emmieEffects: [String!]
    "EBP levels: tactical, organisational or strategic."
    ebpLevels: [String!]
    "Years the research or guidance is from."
    years: [Int!]
    "Kinds of item, e.g. evidence_summary."
    kinds: [String!]
  }

  "One library item 'What Works' search found."
  type SearchHit {
    "The item."
    item: LibraryItem!
    "How well it matches, for ranking."
    score: Float!
    "The item's title."
    title: String!
    "The item's summary."
    summary: String!
    "What kind of item it is."
    kind: LibraryItemKind!
    "The item's year."
    year: Int!
    "The SMS level of its evidence, if rated."
    smsLevel: Int
    "The EMMIE effect evidence rating, if the item has one."
    emmieEffect: EmmieRating
    "Which way the intervention moved the primary outcomes, if known."
    effectDirection: EffectDirection
  }

  "One value of a facet, and how many matching items have it."
  type FacetCount {
    "The value; for a term facet the term's label, every spelling of the term counted as one (pass it back as a filter)."
    value: String!
    "How many of the matching items have it."
    count: Int!
    "For a term facet, the vocabulary term's id (see the query vocabulary); null for a term the vocabulary lacks and for other facets."
    termId: ID
  }

  "The facets of a search's matching items, most items first."
  type Facets {
    "Crime problems, by vocabulary term."
    crimeProblem: [FacetCount!]!
    "Interventions, by vocabulary term."
    intervention: [FacetCount!]!
    "Research methods, by vocabulary term."
    method: [FacetCount!]!
    "Broader research topics, by vocabulary term."
    topic: [FacetCount!]!
    "Maryland Scientific Methods Scale levels."
    smsLevel: [FacetCount!]!
    "EMMIE effect evidence ratings."
    emmieEffect: [FacetCount!]!
    "EBP levels."
    ebpLevel: [FacetCount!]!
    "Years."
    year: [FacetCount!]!
  }

  "One page of a 'What Works' search: the matching items the caller may read, best first, and their facets."
  type SearchResult {
    "How many items match, over all pages."
    total: Int!
    "The items on this page: best match first, then the most recently published."
    hits: [SearchHit!]!
    "The facets of all the matching items."
    facets: Facets!
  }

  "A shared vocabulary: terms with an id, a label and synonyms, which search and the expertise finder match through."
  type Vocabulary {
    "The vocabulary's id."
    id: VocabularyId!
    "Its name, e.g. Research methods."
    label: String!
    "Where the list comes from: a citation, or what it was adapted from."
    source: String!
    "Its terms, in the vocabulary's order."
    terms: [VocabularyTerm!]!
  }

  "One term of a shared vocabulary."
  type VocabularyTerm {
    "A stable snake_case id, e.g. randomised_controlled_trial; never reused for another meaning."
    id: ID!
    "What people see: British English, sentence case."
    label: String!
    "Other names for it (abbreviations, variants, older names). Any of them, and the label, in any case, plural, British or American spelling, hyphenation or spacing, is matched as this term."
    synonyms: [String!]!
    "The id of a broader term of the same vocabulary, if this one is a kind of it."
    broader: ID
  }

  "A person of the talent pool (the community service's)."
  type Person @key(fields: "id", resolvable: false) {
    "The person's id."
    id: ID!
  }

  "A master class or course, with its places and waiting list."
  type MasterClass @key(fields: "id") {
    "The master class's id."
    id: ID!
    "Its title."
    title: String!
    "A master class or a course."
    kind: MasterClassKind!
    "What it covers and who it is for."
    description: String!
    "Who presents it."
    presenter: String!
    "When it starts (ISO 8601 with offset)."
    startsAt: String!
    "How long it lasts, in minutes."
    durationMinutes: Int!
    "Where it takes place."
    location: String!
    "How many places it has."
    capacity: Int!
    "The topics it covers."
    topics: [String!]!
    "Whether partner organisations may see and book it (partners see only those that are)."
    openToPartners: Boolean!
    "Whether it has been cancelled."
    cancelled: Boolean!
    "How many places are taken, by people and partner organisations."
    placesTaken: Int!
    "How many are on the waiting list, people and partner organisations."
    waitingCount: Int!
    "The caller's own place (a partner's: its organisation's): registered, waiting, attended or none."
    myStatus: MasterClassPlace!
    "Organisers only."
    registered: [Person!]
    "Organisers: who is on the waiting list, in order."
    waiting: [Person!]
    "Organisers: who attended."
    attended: [Person!]
    "Organisers: the partner organisations (their ids) with a place."
    partnersBooked: [ID!]
    "Organisers: the partner organisations (their ids) on the waiting list, in order."
    partnersWaiting: [ID!]
    "Organisers: the partner organisations (their ids) that attended; never anyone's training."
    partnersAttended: [ID!]
    "Organisers: who changed the master class, when and why."
    auditTrail: [DisseminationAuditEntry!]!
  }

  "A Local Learning Network: an area or a theme, its members and the learning they share."
  type LearningNetwork @key(fields: "id") {
    "The network's id."
    id: ID!
    "Its name."
    name: String!
    "Whether it is for an area or a theme."
    focus: LearningNetworkFocus!
    "Its area, for an area network."
    area: String
    "Its theme, for a theme network."
    theme: String
    "What it is for and who it is for."
    description: String!
    "Its members."
    members: [Person!]!
    "The learning its members shared, newest first."
    posts: [LearningPost!]!
    "Who changed the network, when and why."
    auditTrail: [DisseminationAuditEntry!]!
  }

  "Learning a member shared with a network."
  type LearningPost {
    "The post's id."
    id: ID!
    "Who shared it."
    author: Person!
    "Its title."
    title: String!
    "What was shared."
    body: String!
    "The library items it points to, as the caller may see them."
    items: [LibraryItem!]!
    "When it was shared (ISO 8601)."
    sharedAt: String!
  }

  "A thread of the 'What Works' forum: a question or some learning on one term of the shared vocabularies, and the replies to it."
  type ForumThread {
    "The thread's id."
    id: ID!
    "Its title."
    title: String!
    "The term of the shared vocabularies it is about."
    topic: ForumTopic!
    "When it was started (ISO 8601)."
    startedAt: String!
    "When the last post the caller may see was written (ISO 8601)."
    lastPostAt: String!
    "The opening post."
    opening: ForumPost!
    "The replies the caller may see, oldest first."
    replies: [ForumPost!]!
  }

  "The term of the shared vocabularies a forum thread is about."
  type ForumTopic {
    "The vocabulary the term comes from."
    vocabulary: VocabularyId!
    "The term's id in it."
    termId: ID!
    "The term's label."
    label: String!
  }

  "A post of the 'What Works' forum: a thread's opening post or a reply."
  type ForumPost {
    "The post's id (the opening post's is its thread's)."
    id: ID!
    "Who wrote it."
    author: Person!
    "What it says."
    body: String!
    "The library items it points to, as the caller may read them."
    items: [LibraryItem!]!
    "The research projects it points to."
    projects: [ResearchProject!]!
    "When it was written (ISO 8601)."
    postedAt: String!
    "Whether a moderator hid it (only moderators see hidden posts)."
    hidden: Boolean!
    "Moderators: reports since it was last hidden or restored; null for others."
    openReports: Int
    "Moderators: every report, hiding and restoring, oldest first; null for others."
    moderation: [ForumModerationEntry!]
  }

  "A report of a forum post, or a moderator hiding or restoring it."
  type ForumModerationEntry {
    "Reported, hidden or restored."
    action: ForumModerationAction!
    "Who reported it, or the moderator."
    by: Person!
    "Why."
    reason: String!
    "When (ISO 8601)."
    at: String!
  }

  "A course of the force's training: who provides it, for whom, and the parts it teaches, each with the evidence that supports it."
  type Course {
    "The course's id."
    id: ID!
    "Its title."
    title: String!
    "Who delivers it: a Met training unit or an outside provider."
    provider: String!
    "Who it is for."
    audience: String!
    "What the course is, in plain English."
    description: String
    "The parts it teaches, in the course's order."
    parts: [CoursePart!]!
    "Active, or retired (taught no more)."
    status: CourseStatus!
    "Why it was retired; null while it is active."
    retiredReason: String
    "When it was recorded (ISO 8601)."
    registeredAt: String!
    "When its details last changed: recorded, revised or retired (ISO 8601); citing evidence does not change it."
    updatedAt: String!
  }

  "One part of a course: a module, session or tactic it teaches."
  type CoursePart {
    "The part's id within its course."
    id: ID!
    "What the part teaches."
    title: String!
    "The published library items cited for it that the caller may read."
    evidence: [CourseEvidence!]!
  }

  "A published library item cited as evidence for one part of a course."
  type CourseEvidence {
    "The item."
    item: LibraryItem!
    "How the item supports the part."
    note: String
    "When it was cited (ISO 8601)."
    linkedAt: String!
  }

  "A part of an active course that cites no evidence the caller may read."
  type CoursePartGap {
    "The course."
    course: Course!
    "The part's id."
    partId: ID!
    "What the part teaches."
    title: String!
  }

  "An item active courses cite, and where."
  type TaughtEvidence {
    "The item."
    item: LibraryItem!
    "Whether its evidence reaches the map's SMS level."
    strong: Boolean!
    "The courses that cite it, with the parts."
    citedBy: [CourseCitation!]!
  }

  "The parts of one course that cite an item."
  type CourseCitation {
    "The course."
    course: Course!
    "The parts (their ids) that cite the item."
    partIds: [ID!]!
  }

  "Where evidence leads training and where there are gaps, as the caller may see it: only evidence they may read counts."
  type TrainingEvidenceMap {
    "The SMS level from which evidence counts as strong."
    minimumSmsLevel: Int!
    "Active courses."
    courses: Int!
    "Parts of active courses."
    parts: Int!
    "Parts of active courses that cite evidence."
    partsWithEvidence: Int!
    "Active courses none of whose parts cites evidence."
    coursesWithoutEvidence: [Course!]!
    "Parts of active courses that cite no evidence."
    partsWithoutEvidence: [CoursePartGap!]!
    "Where evidence leads training: every item active courses cite, highest SMS level first."
    taught: [TaughtEvidence!]!
    "Strong evidence that no active course cites, newest first."
    strongEvidenceTaughtNowhere: [LibraryItem!]!
  }

  "What a person wants a digest of."
  type TopicSubscription {
    "Topics the digest covers."
    topics: [String!]!
    "Crime problems the digest covers."
    crimeProblems: [String!]!
    "Where the digest is e-mailed, once a period when anything new matches; null when it is not e-mailed."
    email: String
  }

  "A research project of the register, with what the library published about it."
  type ResearchProject @key(fields: "id") {
    "The project's id."
    id: ID!
    "Published library items about the project that the caller may read."
    publications: [LibraryItem!]!
  }

  "The dissemination service's questions: the library, 'What Works', master classes, Local Learning Networks and digests."
  type Query {
    "A library item, as the caller may see it; null if unknown or hidden."
    libraryItem("The item's id." id: ID!): LibraryItem
    "Editors: items by status (draft, published, withdrawn), most recently changed first."
    libraryItems("Which status." status: LibraryItemStatus!): [LibraryItem!]!
    "The items published most recently, newest first."
    recentlyPublished("How many (default 10)." limit: Int): [LibraryItem!]!
    "'What Works': ranked search with facets. The crime problems, interventions, methods and topics the text names are matched in any spelling or synonym the vocabularies know; its other words by full-text search. Quotes, a leading minus or OR take the text as full-text search syntax."
    search(
      "What to look for; all items (newest first) when absent."
      text: String
      "Which items; all of them when absent."
      filters: SearchFilters
      "Items per page: 20 unless given, at most 100."
      limit: Int
      "Items to skip before the page (0 unless given)."
      offset: Int
    ): SearchResult!
    "What works for a crime problem (any spelling or synonym): its items, strongest evidence first."
    whatWorks(
      "The crime problem, e.g. burglary (or burglaries)."
      crimeProblem: String!
    ): [SearchHit!]!
    "The shared vocabularies (research methods, crime problems, interventions, topics, EMMIE, the SMS and the EBP Matrix), for forms to offer their terms."
    vocabularies: [Vocabulary!]!
    "One shared vocabulary."
    vocabulary("Which vocabulary." id: VocabularyId!): Vocabulary!
    "The national bodies the library delivers to."
    disseminationTargets: [DisseminationTarget!]!
    "A master class; null if unknown."
    masterClass("The master class's id." id: ID!): MasterClass
    "Master classes and courses still to come, soonest first."
    upcomingMasterClasses: [MasterClass!]!
    "The Local Learning Networks."
    learningNetworks: [LearningNetwork!]!
    "A Local Learning Network; null if unknown."
    learningNetwork("The network's id." id: ID!): LearningNetwork
    "Threads of the 'What Works' forum the caller may see, newest first."
    forumThreads(
      "Only threads on this term (any spelling or synonym the vocabularies know)."
      topic: String
      "How many (20 unless given, at most 100)."
      limit: Int
    ): [ForumThread!]!
    "A forum thread; null if unknown or hidden from the caller."
    forumThread("The thread's id." id: ID!): ForumThread
    "Moderators: threads with posts reported since they were last hidden or restored."
    forumModerationQueue("How many (20 unless given, at most 100)." limit: Int): [ForumThread!]!
    "Courses of the force's training, by title: active ones unless retired ones are asked for too."
    courses(
      "Only courses whose provider's name contains this text (any case)."
      provider: String
      "Retired courses too."
      includeRetired: Boolean
    ): [Course!]!
    "A course; null if unknown."
    course("The course's id." id: ID!): Course
    "Where evidence leads training and where there are gaps: courses with no supporting evidence, and strong evidence taught nowhere."
    trainingEvidenceMap(
      "The SMS level (1 to 5) from which evidence counts as strong; 3 unless given."
      minimumSmsLevel: Int
    ): TrainingEvidenceMap!
    "What the caller's digest covers."
    mySubscription: TopicSubscription!
    "Items published since the date that match the caller's subscription."
    myDigest("The day (YYYY-MM-DD) from which to list." since: String!): [LibraryItem!]!
  }

  "The dissemination service's changes: the library, deliveries, master classes, networks and subscriptions."
  type Mutation {
    "Editors: drafts a new library item (its id chosen by the editor)."
    draftLibraryItem(
      "The new item's id."
      id: ID!
      "The item's content."
      content: LibraryContentInput!
    ): LibraryItemPayload!
    "Editors: replaces the item's working copy."
    reviseLibraryItem(
      "The item's id."
      id: ID!
      "The new working copy."
      content: LibraryContentInput!
    ): LibraryItemPayload!
    "Editors: publishes the working copy as the item's next version."
    publishLibraryItem("The item's id." id: ID!): LibraryItemPayload!
    "Editors: withdraws the item from the library, saying why."
    withdrawLibraryItem(
      "The item's id."
      id: ID!
      "Why it is withdrawn."
      reason: String!
    ): LibraryItemPayload!
    "The EBP Committee: lets an OFFICIAL-SENSITIVE version go to the national bodies named (their ids, e.g. research-map)."
    releaseLibraryItem(
      "The item's id."
      id: ID!
      "The version released."
      version: Int!
      "The national bodies (ids) it may go to."
      targetIds: [ID!]!
      "Why it may go."
      justification: String!
    ): LibraryItemPayload!
    "Editors: tries a failed delivery to a national body again."
    retryDelivery("The delivery's id." id: ID!): DeliveryPayload!
    "Organisers: schedules a master class or course (its id chosen by the organiser)."
    scheduleMasterClass(
      "The new master class's id."
      id: ID!
      "The master class."
      masterClass: MasterClassInput!
    ): MasterClassPayload!
    "Takes a place for the caller (a partner: for its organisation, on one open to partners), or a place on the waiting list when it is full."
    registerForMasterClass("The master class's id." id: ID!): MasterClassPayload!
    "Gives up the caller's place (a partner: its organisation's), or place on the waiting list."
    cancelMasterClassRegistration("The master class's id." id: ID!): MasterClassPayload!
    "Organisers: records who attended (once it has started); the community records it as training."
    recordAttendance(
      "The master class's id."
      id: ID!
      "Who attended (people's ids)."
      personIds: [ID!]!
    ): MasterClassPayload!
    "Organisers: records which partner organisations attended (once it has started); never anyone's training."
    recordPartnerAttendance(
      "The master class's id."
      id: ID!
      "The organisations (ids) that attended: each must have had a place."
      organisationIds: [ID!]!
    ): MasterClassPayload!
    "Organisers: cancels the master class, saying why."
    cancelMasterClass(
      "The master class's id."
      id: ID!
      "Why it is cancelled."
      reason: String!
    ): MasterClassPayload!
    "Sets up a Local Learning Network (EBP champions and the EBP team)."
    createLearningNetwork(
      "The new network's id."
      id: ID!
      "The network."
      network: LearningNetworkInput!
    ): LearningNetworkPayload!
    "Joins the network as the caller."
    joinLearningNetwork("The network's id." id: ID!): LearningNetworkPayload!
    "Leaves the network."
    leaveLearningNetwork("The network's id." id: ID!): LearningNetworkPayload!
    "Shares learning with a network."
    shareLearning(
      "The network's id."
      networkId: ID!
      "What to share."
      post: LearningPostInput!
    ): ShareLearningPayload!
    "Starts a thread of the 'What Works' forum with its opening post."
    startForumThread("The thread." thread: ForumThreadInput!): ForumThreadPayload!
    "Replies to a forum thread."
    replyToForumThread(
      "The thread's id."
      threadId: ID!
      "The reply."
      reply: ForumReplyInput!
    ): ForumReplyPayload!
    "Reports a forum post to the moderators, saying why."
    reportForumPost(
      "The thread's id."
      threadId: ID!
      "The post's id (the thread's id for its opening post)."
      postId: ID!
      "Why it should be looked at."
      reason: String!
    ): ForumThreadPayload!
    "Moderators: hides a forum post, saying why."
    hideForumPost(
      "The thread's id."
      threadId: ID!
      "The post's id (the thread's id for its opening post)."
      postId: ID!
      "Why it is hidden."
      reason: String!
    ): ForumThreadPayload!
    "Moderators: shows a hidden forum post again, saying why."
    restoreForumPost(
      "The thread's id."
      threadId: ID!
      "The post's id (the thread's id for its opening post)."
      postId: ID!
      "Why it is restored."
      reason: String!
    ): ForumThreadPayload!
    "Editors: records a course with its provider, audience and parts."
    registerCourse("The course." course: CourseInput!): CoursePayload!
    "Editors: changes a course's details or parts (evidence cited for a part it drops goes with the part)."
    reviseCourse(
      "The course's id."
      id: ID!
      "The course as it is now."
      course: CourseInput!
    ): CoursePayload!
    "Editors: cites a published library item as evidence for one part of a course."
    linkCourseEvidence(
      "The course's id."
      courseId: ID!
      "The citation."
      evidence: CourseEvidenceInput!
    ): CoursePayload!
    "Editors: takes a citation off a part, saying why."
    unlinkCourseEvidence(
      "The course's id."
      courseId: ID!
      "The part's id."
      partId: ID!
      "The cited item's id."
      itemId: ID!
      "Why it no longer supports the part."
      reason: String!
    ): CoursePayload!
    "Editors: retires a course (taught no more), saying why."
    retireCourse("The course's id." id: ID!, "Why." reason: String!): CoursePayload!
    "Sets what the caller's digest covers."
    subscribe("What the digest should cover." subscription: SubscriptionInput!): SubscribePayload!
    "E-mails the caller's digest to the address given, once a period when anything new matches (a new address replaces the old, and the old unsubscribe link stops working)."
    startDigestEmails("Where to e-mail the digest." email: DigestEmailInput!): SubscribePayload!
    "Stops e-mailing the caller's digest (the subscription stays)."
    stopDigestEmails: SubscribePayload!
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

  "A forum thread after a change to it."
  type ForumThreadPayload {
    "The thread as the caller sees it after the change."
    thread: ForumThread!
  }

  "The reply written, and its thread."
  type ForumReplyPayload {
    "The new reply's id."
    replyId: ID!
    "The thread, the reply among its replies."
    thread: ForumThread!
  }

  "A course after a change to it."
  type CoursePayload {
    "The course as the caller sees it after the change."
    course: Course!
  }

  "The caller's subscription as it is after the change."
  type SubscribePayload {
    "What the caller's digest covers now."
    subscription: TopicSubscription!
  }
  ${disseminationInputTypeDefs}
`;
