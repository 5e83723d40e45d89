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
    kind: TrainingKind!
    attendedOn: String!
  }

  type Person @key(fields: "id") {
    id: ID!
    status: PersonStatus!
    name: String
    rankOrGrade: String
    unit: String
    contact: Contact
    "The person's qualifications: null unless the caller may see them (the read is recorded)."
    credentials: [Credential!]
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
    role: InvolvementRole!
    from: String!
    status: InvolvementStatus!
    endedOn: String
    endReason: InvolvementEndReason
  }

  type ResearchProject @key(fields: "id") {
    id: ID!
    title: String! @external
    summary: String! @external
    methods: [String!]! @external
    owningUnit: String! @external
    proposal: ProjectProposal! @external
    "Everyone who is or was part of the project, from the talent pool."
    team: [Involvement!]!
    "People from the talent pool for the project's methods, topic and owning unit (researchers, the committee)."
    suggestedTeam(size: Int): [TeamSuggestion!]!
      @requires(fields: "title summary methods owningUnit proposal { design }")
  }

  "The register's research proposal: only the design, which team suggestions read."
  type ProjectProposal {
    design: String! @external
  }

  type TeamSuggestion {
    person: Person!
    "The part suggested for this person: pass it to joinProject."
    role: InvolvementRole!
    "The methods (or, for a champion, the unit) this person covers."
    covers: [String!]!
  }

  type RankedExpert {
    person: Person!
    score: Float!
    "The methods asked for that this person has, with the level each counted for."
    matchedMethods: [MatchedMethod!]!
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
    outcome: NominationOutcome
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
    outcome: FundOutcome
    amountAwarded: Int
    reason: String
  }

  "A round of the Commissioner's EBP award and fund."
  type AwardRound {
    id: ID!
    title: String!
    status: AwardRoundStatus!
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
    "A skills audit's report (the committee, reviewers and administrators); null for an unknown audit."
    skillsAuditReport(id: ID!): SkillsAuditReport
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
    "Opens a round of the Commissioner's EBP award and fund (the EBP Committee, administrators)."
    openAwardRound(id: ID!, round: AwardRoundInput!): AwardRoundPayload!
    "Nominates a colleague in the talent pool for the award while the round is open (members of staff; not oneself)."
    nominateForAward(
      roundId: ID!
      nominationId: ID!
      nomineeId: ID!
      "Why they deserve it: about the nominee, so sealed under their key and read by the committee only."
      citation: String!
      "The research projects the nomination is for (projects the caller may see)."
      projectIds: [ID!]
    ): AwardRoundPayload!
    "Applies to the fund while the round is open, for research the caller will lead."
    applyToFund(
      roundId: ID!
      applicationId: ID!
      application: FundApplicationInput!
    ): AwardRoundPayload!
    "Closes a round: it takes no more entries, and the committee decides them."
    closeAwardRound(id: ID!): AwardRoundPayload!
    "Decides a nomination of a closed round (the committee, administrators)."
    decideNomination(
      roundId: ID!
      nominationId: ID!
      outcome: NominationOutcome!
      reason: String!
    ): AwardRoundPayload!
    "Decides an application to the fund of a closed round (the committee, administrators)."
    decideFundApplication(
      roundId: ID!
      applicationId: ID!
      outcome: FundOutcome!
      "Whole pounds: required when funded (within what the fund has left), absent when declined."
      amountAwarded: Int
      reason: String!
    ): AwardRoundPayload!
    "Registers a person in the talent pool (the person themselves, or an administrator)."
    registerPerson(id: ID!, profile: PersonProfileInput!): PersonPayload!
    "Changes a profile (the person, or an administrator): only the fields given change."
    updateProfile(
      id: ID!
      changes: PersonProfileChangesInput!
      "The version the caller saw (PersonPayload.version): the change is refused if the profile changed since."
      expectedVersion: Int
    ): PersonPayload!
    "Verifies a person's level in one of their methods (reviewers, the committee, administrators; never one's own)."
    verifySkill(id: ID!, method: String!, level: Int!): PersonPayload!
    "Appoints a person EBP champion for an area, usually a unit (the committee, administrators)."
    appointChampion(id: ID!, area: String!, from: String!, until: String): PersonPayload!
    "Erases a person: their personal data is crypto-shredded everywhere (administrators)."
    erasePerson(id: ID!, reason: ErasureReason!): ErasePersonPayload!
    "Puts a person on a research project's team (the person themselves, or those who build research teams)."
    joinProject(personId: ID!, projectId: ID!, role: InvolvementRole!): InvolvementPayload!
    "Launches a skills audit of some units (the committee, administrators)."
    launchSkillsAudit(id: ID!, audit: SkillsAuditInput!): SkillsAuditPayload!
    "Answers a skills audit for oneself while it is open (people of its units); a later answer replaces an earlier one."
    answerSkillsAudit(id: ID!, answers: [SkillsAuditAnswerInput!]!): SkillsAuditAnswersPayload!
    "Closes a skills audit: it takes no more answers (the committee, administrators)."
    closeSkillsAudit(id: ID!): SkillsAuditPayload!
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
