import { auditEntryTypeDefs } from '@ebp/platform';
import { communityInputTypeDefs } from './community-inputs';

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

  "Any JSON value: only an audit entry's event data is left untyped."
  scalar JSON

  "Why a caller reads a person's personal fields: recorded with every read."
  enum ReadPurpose {
    self_service
    expertise_search
    team_building
    research_contact
    profile_maintenance
    governance
    "Naming who did something on a page the reader may read (any member of staff): of the personal fields, it opens the name alone."
    attribution
  }

  "How to reach a person."
  type Contact {
    "Their email address."
    email: String!
    "Their phone number, if given."
    phone: String
  }

  "Whether a person is in the talent pool."
  enum PersonStatus {
    "In the talent pool."
    active
    "Erased: their personal data is gone (crypto-shredded); only what is not about them remains."
    erased
  }

  "Whether a person is still part of a project."
  enum InvolvementStatus {
    "Part of the project now."
    active
    "No longer part of it (see endReason)."
    ended
  }

  "A research method a person has, with their level in it."
  type PersonSkill {
    "The method."
    method: String!
    "Their own assessment, 1 (aware) to 4 (can teach it)."
    selfAssessed: Int!
    "The level a reviewer verified, if any."
    verified: Int
  }

  "A person's term as EBP champion."
  type Championship {
    "What they champion, usually a unit."
    area: String!
    "When the term starts (YYYY-MM-DD)."
    from: String!
    "When it ends (YYYY-MM-DD), if set."
    until: String
  }

  ${auditEntryTypeDefs('CommunityAuditEntry')}

  "A training activity a person attended."
  type Training {
    "The activity's id (e.g. a master class)."
    activityId: ID!
    "The activity's title."
    title: String!
    "What kind of training it was."
    kind: TrainingKind!
    "When they attended (YYYY-MM-DD)."
    attendedOn: String!
  }

  "A person in the talent pool. Personal fields are null unless the caller may see them for the purpose given; each one returned is recorded."
  type Person @key(fields: "id") {
    "The person's platform id."
    id: ID!
    "Whether they are in the talent pool or erased."
    status: PersonStatus!
    "Their name (personal)."
    name: String
    "Their rank or grade (personal)."
    rankOrGrade: String
    "Their unit."
    unit: String
    "How to reach them (personal)."
    contact: Contact
    "The person's qualifications: null unless the caller may see them (the read is recorded)."
    credentials: [Credential!]
    "Their ORCID iD, if they have one (personal)."
    orcid: String
    "The research methods they have."
    skills: [PersonSkill!]!
    "Their topics of interest."
    topics: [String!]!
    "Their terms as EBP champion."
    championships: [Championship!]!
    "The training they attended."
    training: [Training!]!
    "Who changed this record, when and why: for the person or an administrator (the read is recorded)."
    auditTrail: [CommunityAuditEntry!]!
    "The research projects this person is or was part of."
    projects: [Involvement!]!
  }

  "A person's part in a research project."
  type Involvement {
    "The person; null if the caller may not see them."
    person: Person
    "Null only in the moment after the caller lost need-to-know, before this service caught up."
    project: ResearchProject
    "Their part in the project."
    role: InvolvementRole!
    "When it began (YYYY-MM-DD)."
    from: String!
    "Whether they are still part of it."
    status: InvolvementStatus!
    "When it ended (YYYY-MM-DD), if it has."
    endedOn: String
    "Why it ended, if it has."
    endReason: InvolvementEndReason
  }

  "A research project of the register, with its team from the talent pool."
  type ResearchProject @key(fields: "id") {
    "The project's id."
    id: ID!
    "The project's title (from the register)."
    title: String! @external
    "The project's summary (from the register)."
    summary: String! @external
    "The project's research methods (from the register)."
    methods: [String!]! @external
    "The unit that owns the project (from the register)."
    owningUnit: String! @external
    "The project's proposal (from the register)."
    proposal: ProjectProposal! @external
    "Everyone who is or was part of the project, from the talent pool."
    team: [Involvement!]!
    "People from the talent pool for the project's methods, topic and owning unit (researchers, the committee)."
    suggestedTeam("How many people to suggest (default 5)." size: Int): [TeamSuggestion!]!
      @requires(fields: "title summary methods owningUnit proposal { design }")
  }

  "The register's research proposal: only the design, which team suggestions read."
  type ProjectProposal {
    "The research design (from the register)."
    design: String! @external
  }

  "A person suggested for a project's team."
  type TeamSuggestion {
    "The person suggested."
    person: Person!
    "The part suggested for this person: pass it to joinProject."
    role: InvolvementRole!
    "The methods (or, for a champion, the unit) this person covers."
    covers: [String!]!
  }

  "A person the expertise finder found, and why."
  type RankedExpert {
    "The person (their personal fields as the caller may see them, each read recorded)."
    person: Person!
    "Their levels in the methods asked for, plus 1 for each topic matched and 0.5 for the unit."
    score: Float!
    "The methods asked for that this person has, with the level each counted for."
    matchedMethods: [MatchedMethod!]!
    "The person's topics that name a topic asked for, as the person wrote them."
    matchedTopics: [String!]!
  }

  "A method the expertise finder was asked for, as one person has it."
  type MatchedMethod {
    "The method, as it was asked for."
    method: String!
    "The level counted: a verified level in full, a self-assessed one at four fifths (1 aware to 4 can teach it)."
    level: Float!
  }

  "How the people of a skills audit's units answered: coverage and gaps by unit and skill."
  type SkillsAuditReport {
    "The audit's id."
    auditId: ID!
    "How many people of each unit answered, by unit name (units with no answer are left out)."
    responsesByUnit: [SkillsAuditUnitResponses!]!
    "For each target unit and each skill the audit asks about: who answered and how capable they are."
    coverage: [SkillsAuditCoverage!]!
    "Unit and skill pairs where nobody who answered is capable: where training or hiring is needed."
    gaps: [SkillsAuditGap!]!
    "Target units with no answer at all."
    silentUnits: [String!]!
  }

  "How many people of one unit answered a skills audit."
  type SkillsAuditUnitResponses {
    "The unit."
    unit: String!
    "How many of its people answered."
    responses: Int!
  }

  "One unit's capability in one skill, from its people's answers (a person's level in a skill is their best answer about it)."
  type SkillsAuditCoverage {
    "The unit."
    unit: String!
    "The skill."
    skill: String!
    "How many of the unit's people answered."
    respondents: Int!
    "Their mean level, 0 to 4, to two decimal places (0 when nobody answered)."
    meanLevel: Float!
    "How many of them are capable: proficient (3) or able to teach it (4)."
    capable: Int!
  }

  "A skill that nobody who answered in a unit is capable in."
  type SkillsAuditGap {
    "The unit."
    unit: String!
    "The skill."
    skill: String!
  }

  "One read of a person's personal fields. Ids and codes only: the log holds nothing about the person."
  type PersonalRead {
    "Who read them."
    readerId: ID!
    "Which personal fields were read."
    fields: [String!]!
    "Why they were read."
    purpose: ReadPurpose!
    "The request that read them."
    correlationId: String
    "When (ISO 8601)."
    at: String!
  }

  "A nomination for the Commissioner's EBP award."
  type AwardNomination {
    "The nomination's id."
    id: ID!
    "The person nominated; null if the caller may not see them."
    nominee: Person
    "Who nominated them (a person's id)."
    nominatedBy: ID!
    "The research projects the nomination is for, as the caller may see them."
    projectIds: [ID!]!
    "The committee's decision, once made."
    outcome: NominationOutcome
    "The committee's reason, once decided."
    reason: String
    "About the nominee: the EBP Committee and administrators only, and each read is logged."
    citation: String
  }

  "An application to the Commissioner's EBP fund (amounts in whole pounds)."
  type FundApplication {
    "The application's id."
    id: ID!
    "Who applied; null if the caller may not see them."
    applicant: Person
    "What the money is for."
    title: String!
    "The application in brief."
    summary: String!
    "How much is asked for, in whole pounds."
    amountRequested: Int!
    "The research project it is for, if any and if the caller may see it."
    projectId: ID
    "The committee's decision, once made."
    outcome: FundOutcome
    "How much was awarded, in whole pounds, when funded."
    amountAwarded: Int
    "The committee's reason, once decided."
    reason: String
  }

  "A round of the Commissioner's EBP award and fund."
  type AwardRound {
    "The round's id."
    id: ID!
    "The round's title."
    title: String!
    "Whether it is open or closed."
    status: AwardRoundStatus!
    "The first day it takes entries (YYYY-MM-DD)."
    opensOn: String!
    "The last day it takes entries (YYYY-MM-DD)."
    closesOn: String!
    "The fund's budget in whole pounds (0: award only)."
    fundBudget: Int!
    "How much of the budget has been awarded, in whole pounds."
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

  "An open skills audit that asks the caller's unit, with the caller's own answers so far."
  type SkillsAuditToAnswer {
    "The audit: what it asks, of which units, and when."
    audit: SkillsAudit!
    "The caller's answers so far, as answerSkillsAudit recorded them; empty before the first."
    answers: [SkillsAuditAnswer!]!
  }

  "One page of skills audits, and how many match in all."
  type SkillsAuditPage {
    "The audits on this page, most recently opening first, then by id."
    items: [SkillsAudit!]!
    "The audits matching the filter, over all pages."
    total: Int!
  }

  "What the force's survey campaigns ask, one version of a question set."
  type SurveyQuestionSet {
    "The question set's id, as campaigns name it."
    id: ID!
    "Its version: a new wording is a new version, never an edit."
    version: Int!
    "Its title."
    title: String!
    "What it asks."
    questions: [SurveyQuestion!]!
    "The figures published from an earlier run of it, if any: the baseline comparisons start from."
    baseline: SurveyBaseline
  }

  "One page of survey campaigns, and how many match in all."
  type SurveyCampaignPage {
    "The campaigns on this page, most recently opening first, then by id."
    items: [SurveyCampaign!]!
    "The campaigns matching, over all pages."
    total: Int!
  }

  "One question of a question set."
  type SurveyQuestion {
    "The question's id, as answers name it."
    questionId: ID!
    "What it measures."
    kind: SurveyQuestionKind!
    "The question as put to people."
    text: String!
    "The research method (shared vocabulary term) it asks about, if any."
    termId: String
    "The answers it offers."
    options: [SurveyOption!]!
    "The share reported as its headline figure."
    headline: SurveyHeadline!
  }

  "One answer a question offers."
  type SurveyOption {
    "The option's id, as answers name it."
    optionId: ID!
    "The option as shown."
    label: String!
  }

  "Which options make a question's headline share."
  type SurveyHeadline {
    "What the headline is called, e.g. Daily or weekly."
    label: String!
    "The options counted in it."
    optionIds: [ID!]!
  }

  "Figures published from an earlier run of a question set: data, not a campaign anyone answered here."
  type SurveyBaseline {
    "What it is."
    label: String!
    "When it was asked, e.g. 2012/13."
    fieldwork: String!
    "Whom it asked."
    population: String!
    "How many answered."
    respondents: Int!
    "Where the figures are published."
    source: String!
    "The headline shares published; every other question has none."
    figures: [SurveyPublishedFigure!]!
  }

  "A published headline share of one question."
  type SurveyPublishedFigure {
    "The question."
    questionId: ID!
    "The share, in per cent."
    percent: Float!
  }

  "Where a survey campaign stands."
  enum SurveyCampaignStatus {
    "It takes answers between its dates."
    open
    "It takes no more answers, and shows its results."
    closed
  }

  "A survey campaign: a question set put to staff between two dates, answered anonymously."
  type SurveyCampaign {
    "The campaign's id (made by the server)."
    id: ID!
    "Its title."
    title: String!
    "The question set it asks."
    questionSetId: ID!
    "The question set's version."
    questionSetVersion: Int!
    "The first day it takes answers (YYYY-MM-DD)."
    opensOn: String!
    "The last day it takes answers (YYYY-MM-DD)."
    closesOn: String!
    "The fewest answers a group of its results may have to be shown."
    minimumCellSize: Int!
    "Whether it takes answers."
    status: SurveyCampaignStatus!
    "How many answered, once it is closed; null while it is open, since a count that moves with each answer would single out the next one."
    responses: Int
  }

  "An option's share of the answers to one question."
  type SurveyOptionShare {
    "The option."
    optionId: ID!
    "The option as shown."
    label: String!
    "Its share, in per cent to one decimal."
    percent: Float!
  }

  "A question's headline share."
  type SurveyHeadlineShare {
    "What the headline is called."
    label: String!
    "The share, in per cent to one decimal."
    percent: Float!
  }

  "How a group answered one question."
  type SurveyQuestionResult {
    "The question."
    questionId: ID!
    "What it measures."
    kind: SurveyQuestionKind!
    "The question as put to people."
    text: String!
    "Each option's share."
    options: [SurveyOptionShare!]!
    "The headline share."
    headline: SurveyHeadlineShare!
  }

  "A group's headline share of one question, or that it is withheld."
  type SurveyGroupHeadlineShare {
    "What the headline is called."
    label: String!
    "The share, in per cent to one decimal; null when withheld."
    percent: Float
    "Fewer than the minimum cell size of the group chose it, or fewer did not (so the share would tell that all, none or a few did), or showing it would give such a share away: not shown."
    withheld: Boolean!
  }

  "How a group answered one question: the headline share only, never one option's."
  type SurveyGroupQuestionResult {
    "The question."
    questionId: ID!
    "What it measures."
    kind: SurveyQuestionKind!
    "The question as put to people."
    text: String!
    "The headline share, or that it is withheld."
    headline: SurveyGroupHeadlineShare!
  }

  "The results of one group (a rank band or a business area), or that they are suppressed."
  type SurveyGroupResult {
    "The rank band or business area."
    group: String!
    "How many of the group answered; null when suppressed."
    respondents: Int
    "Too few answered, none did, or the group hides another that is: nothing of it is shown."
    suppressed: Boolean!
    "How the group answered each question (headline shares); null when suppressed."
    questions: [SurveyGroupQuestionResult!]
  }

  "A closed campaign's results, shown only for groups of at least the minimum cell size."
  type SurveyResults {
    "The campaign."
    campaign: SurveyCampaign!
    "The fewest answers a group has to be shown."
    minimumCellSize: Int!
    "How many answered; null when fewer than the minimum did."
    respondents: Int
    "Fewer than the minimum answered: nothing is shown."
    suppressed: Boolean!
    "Each question's shares over everyone who answered; null when suppressed."
    overall: [SurveyQuestionResult!]
    "Every rank band, withheld included, always in the same order: each shown or suppressed."
    byRankBand: [SurveyGroupResult!]!
    "Every business area, withheld included, always in the same order: each shown or suppressed."
    byBusinessArea: [SurveyGroupResult!]!
  }

  "What one side of a comparison is."
  enum SurveyComparandKind {
    "A campaign run on the platform (closed)."
    campaign
    "The published baseline of a question set (its id)."
    published_baseline
  }

  "One side of a comparison."
  input SurveyComparandInput {
    "A campaign, or a question set's published baseline."
    kind: SurveyComparandKind!
    "The campaign's id, or the question set's id."
    id: ID!
  }

  "Why a comparison has no figure."
  enum SurveyMissingFigure {
    "The baseline publishes no figure for it."
    not_published
    "Too few answered to show it."
    suppressed
    "That side's question set does not ask it."
    not_asked
  }

  "A figure of one side of a comparison, or why there is none."
  type SurveyFigure {
    "The share, in per cent; null when missing."
    percent: Float
    "Why there is no figure; null when there is one."
    missing: SurveyMissingFigure
  }

  "One side of a comparison."
  type SurveyComparand {
    "A campaign or a published baseline."
    kind: SurveyComparandKind!
    "The campaign's or question set's id."
    id: ID!
    "What it is."
    label: String!
    "How many answered; null when suppressed."
    respondents: Int
  }

  "One option's share on both sides."
  type SurveyOptionComparison {
    "The option."
    optionId: ID!
    "The option as shown."
    label: String!
    "Before."
    before: SurveyFigure!
    "After."
    after: SurveyFigure!
  }

  "One question on both sides."
  type SurveyQuestionComparison {
    "The question."
    questionId: ID!
    "The question as put to people (the later wording)."
    text: String!
    "What the headline is called."
    headline: String!
    "The headline share before."
    before: SurveyFigure!
    "The headline share after."
    after: SurveyFigure!
    "After minus before, in percentage points; null unless both are there."
    change: Float
    "Each option's share before and after."
    options: [SurveyOptionComparison!]!
  }

  "Two surveys side by side, question by question."
  type SurveyComparison {
    "The earlier side."
    before: SurveyComparand!
    "The later side."
    after: SurveyComparand!
    "Every question either side asks."
    questions: [SurveyQuestionComparison!]!
  }

  "What an anonymous answer recorded of who gave it."
  type SurveyRecordedAttributes {
    "The rank band, or withheld."
    rankBand: RankBand!
    "The business area, or withheld."
    businessArea: BusinessArea!
  }

  "A survey campaign after the change."
  type SurveyCampaignPayload {
    "The campaign as surveyCampaigns lists it."
    campaign: SurveyCampaign!
  }

  "An anonymous answer, recorded."
  type SurveyAnswerPayload {
    "The campaign answered."
    campaign: SurveyCampaign!
    "What the answer recorded of who gave it: no more than this."
    recordedAs: SurveyRecordedAttributes!
  }

  "The community's questions: the talent pool, the expertise finder, champions, skills audits and the award."
  type Query {
    "A person in the talent pool, read for a stated purpose."
    person(
      "The person's id."
      id: ID!
      "Why the caller reads them: recorded with each personal field returned."
      purpose: ReadPurpose!
    ): Person
    "People in the talent pool by id, in the order asked, each as the query person returns them (null where it returns null); at most 100 ids."
    people(
      "The people's ids."
      ids: [ID!]!
      "Why the caller reads them: recorded with each personal field returned."
      purpose: ReadPurpose!
    ): [Person]!
    "The expertise finder: people in the talent pool who agreed to be listed, ranked by their levels in the methods asked for, their topics and unit (staff; at most 50). Methods and topics are matched through the shared vocabularies (see the query vocabularies): case, plurals, British and American spelling, hyphens and synonyms; a term no vocabulary lists matches its own spellings."
    experts(
      "Research methods, e.g. randomised controlled trial (or RCT)."
      methods: [String!]
      "Topics of interest: a topic, crime problem, intervention or method, e.g. hot spots policing."
      topics: [String!]
      "Ranks people of this unit a little higher."
      unit: String
      "Only people at or above this level in every method asked for."
      minimumLevel: Float
    ): [RankedExpert!]!
    "The EBP champions in post."
    champions("Only champions of this unit." unit: String): [Person!]!
    "A skills audit's report (the committee, reviewers and administrators); null for an unknown audit."
    skillsAuditReport("The audit's id." id: ID!): SkillsAuditReport
    "Who read this person's personal fields, when, which and why (the person, administrators)."
    personalReads("The person's id." personId: ID!): [PersonalRead!]!
    "An award round, as the caller may see it; null for an unknown round."
    awardRound("The round's id." id: ID!): AwardRound
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
    "The skills audits the caller may answer now: open, today (London's day) between their opening and closing days, and asking the caller's unit; soonest closing first, then by id; each with the caller's own answers so far. Empty for anyone not in the talent pool, and for partners."
    skillsAuditsToAnswer: [SkillsAuditToAnswer!]!
    "The survey question sets, each version (members of staff)."
    surveyQuestionSets: [SurveyQuestionSet!]!
    "Survey campaigns, most recently opening first (members of staff)."
    surveyCampaigns(
      "Campaigns in this state; all of them when absent."
      status: SurveyCampaignStatus
      "Campaigns per page: 50 unless given, at most 200."
      limit: Int
      "Campaigns to skip before the page (0 unless given)."
      offset: Int
    ): SurveyCampaignPage!
    "A survey campaign; null for an unknown one (members of staff)."
    surveyCampaign("The campaign's id." id: ID!): SurveyCampaign
    "A closed campaign's results above its minimum cell size (members of staff)."
    surveyResults("The campaign's id." campaignId: ID!): SurveyResults!
    "Two surveys compared: closed campaigns or a question set's published baseline (members of staff)."
    surveyComparison(
      "The earlier side."
      before: SurveyComparandInput!
      "The later side."
      after: SurveyComparandInput!
    ): SurveyComparison!
  }

  "The community's changes: people, skills, champions, project teams, skills audits and the award."
  type Mutation {
    "Opens a round of the Commissioner's EBP award and fund (the EBP Committee, administrators)."
    openAwardRound(
      "The new round's id."
      id: ID!
      "The round."
      round: AwardRoundInput!
    ): AwardRoundPayload!
    "Nominates a colleague in the talent pool for the award while the round is open (members of staff; not oneself)."
    nominateForAward(
      "The round's id."
      roundId: ID!
      "The new nomination's id."
      nominationId: ID!
      "The person nominated."
      nomineeId: ID!
      "Why they deserve it: about the nominee, so sealed under their key and read by the committee only."
      citation: String!
      "The research projects the nomination is for (projects the caller may see)."
      projectIds: [ID!]
    ): AwardRoundPayload!
    "Applies to the fund while the round is open, for research the caller will lead."
    applyToFund(
      "The round's id."
      roundId: ID!
      "The new application's id."
      applicationId: ID!
      "The application."
      application: FundApplicationInput!
    ): AwardRoundPayload!
    "Closes a round: it takes no more entries, and the committee decides them."
    closeAwardRound("The round's id." id: ID!): AwardRoundPayload!
    "Decides a nomination of a closed round (the committee, administrators)."
    decideNomination(
      "The round's id."
      roundId: ID!
      "The nomination's id."
      nominationId: ID!
      "The decision."
      outcome: NominationOutcome!
      "Why."
      reason: String!
    ): AwardRoundPayload!
    "Decides an application to the fund of a closed round (the committee, administrators)."
    decideFundApplication(
      "The round's id."
      roundId: ID!
      "The application's id."
      applicationId: ID!
      "The decision."
      outcome: FundOutcome!
      "Whole pounds: required when funded (within what the fund has left), absent when declined."
      amountAwarded: Int
      "Why."
      reason: String!
    ): AwardRoundPayload!
    "Registers a person in the talent pool (the person themselves, or an administrator)."
    registerPerson(
      "The person's platform id."
      id: ID!
      "Their profile."
      profile: PersonProfileInput!
    ): PersonPayload!
    "Changes a profile (the person, or an administrator): only the fields given change."
    updateProfile(
      "The person's id."
      id: ID!
      "The fields that change, with their new values."
      changes: PersonProfileChangesInput!
      "The version the caller saw (PersonPayload.version): the change is refused if the profile changed since."
      expectedVersion: Int
    ): PersonPayload!
    "Verifies a person's level in one of their methods (reviewers, the committee, administrators; never one's own)."
    verifySkill(
      "The person's id."
      id: ID!
      "The method, one of theirs."
      method: String!
      "The verified level, 1 (aware) to 4 (can teach it)."
      level: Int!
    ): PersonPayload!
    "Appoints a person EBP champion for an area, usually a unit (the committee, administrators)."
    appointChampion(
      "The person's id."
      id: ID!
      "What they champion, usually a unit."
      area: String!
      "When the term starts (YYYY-MM-DD)."
      from: String!
      "When it ends (YYYY-MM-DD), if set."
      until: String
    ): PersonPayload!
    "Erases a person: their personal data is crypto-shredded everywhere (administrators)."
    erasePerson(
      "The person's id."
      id: ID!
      "Why they are erased."
      reason: ErasureReason!
    ): ErasePersonPayload!
    "Puts a person on a research project's team (the person themselves, or those who build research teams)."
    joinProject(
      "The person's id."
      personId: ID!
      "The project's id."
      projectId: ID!
      "Their part in it."
      role: InvolvementRole!
    ): InvolvementPayload!
    "Launches a skills audit of some units (the committee, administrators)."
    launchSkillsAudit(
      "The new audit's id."
      id: ID!
      "The audit."
      audit: SkillsAuditInput!
    ): SkillsAuditPayload!
    "Answers a skills audit for oneself while it is open (people of its units); a later answer replaces an earlier one."
    answerSkillsAudit(
      "The audit's id."
      id: ID!
      "An answer per question."
      answers: [SkillsAuditAnswerInput!]!
    ): SkillsAuditAnswersPayload!
    "Closes a skills audit: it takes no more answers (the committee, administrators)."
    closeSkillsAudit("The audit's id." id: ID!): SkillsAuditPayload!
    "Launches a survey campaign of a question set (the EBP Delivery Team, administrators)."
    launchSurveyCampaign("The campaign." campaign: SurveyCampaignInput!): SurveyCampaignPayload!
    "Answers a survey campaign anonymously, once, every question (members of staff)."
    answerSurvey(
      "The campaign's id."
      campaignId: ID!
      "One answer per question."
      answers: [SurveyAnswerInput!]!
    ): SurveyAnswerPayload!
    "Closes a survey campaign on its last day or later (SURVEY_CAMPAIGN_NOT_DUE_TO_CLOSE sooner): no more answers, and its results show (the EBP Delivery Team, administrators)."
    closeSurveyCampaign("The campaign's id." campaignId: ID!): SurveyCampaignPayload!
  }

  "An award round after the change."
  type AwardRoundPayload {
    "The round as awardRound shows it to the caller: the same entries, projects and citations, by the same rules."
    round: AwardRound!
  }

  "A person's record after the change."
  type PersonPayload {
    "The person's id."
    personId: ID!
    "The person as the query person shows them, read for a purpose the caller may state (self_service for oneself, profile_maintenance for an administrator, governance for the committee and reviewers); null if the caller may state none."
    person: Person
    "The person's version after the change, for those who may change the profile (the person, administrators): send it as updateProfile's expectedVersion. Null for anyone else."
    version: Int
  }

  "What is left to say of a person after erasure: their id, and that they are erased."
  type ErasePersonPayload {
    "The erased person's id."
    personId: ID!
    "Always true: the person's personal data is gone."
    erased: Boolean!
  }

  "A person's part in a project after they joined it."
  type InvolvementPayload {
    "The person who joined."
    personId: ID!
    "The project they joined."
    projectId: ID!
    "The involvement as Person.projects shows it to the caller (its person read for self_service by themselves, for team_building by others); null only if the caller lost need-to-know of the project in the moment since."
    involvement: Involvement
  }

  "A skills audit after the change."
  type SkillsAuditPayload {
    "The audit as skillsAudits lists it."
    audit: SkillsAudit!
  }

  "The caller's answers to a skills audit."
  type SkillsAuditAnswersPayload {
    "The audit answered."
    auditId: ID!
    "The caller's answers as recorded."
    answers: [SkillsAuditAnswer!]!
    "The audit as skillsAudits lists it, for those who read skills audits (the committee, reviewers, administrators); null for anyone else."
    audit: SkillsAudit
  }
  ${communityInputTypeDefs}
`;
