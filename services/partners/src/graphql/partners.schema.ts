import { auditEntryTypeDefs } from '@ebp/platform';
import { partnersInputTypeDefs } from './partners-inputs';

/**
 * The partners service's subgraph schema (Federation 2): the research network, partners on the
 * register's projects and their published outcomes, moderation and the quarantine.
 */
export const partnersTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  "Any JSON value: an audit entry's event data, as the event recorded it."
  scalar JSON

  "A partner organisation in the research network: a university, a consortium, a national body and so on."
  type Organisation @key(fields: "id") {
    "The organisation's id (lower-case letters, digits and hyphens)."
    id: ID!
    "The organisation's name."
    name: String!
    "What kind of organisation it is."
    kind: OrganisationKind!
    "Its ROR id, if it has one (e.g. 013meh722)."
    rorId: String
    "Its areas of expertise."
    expertise: [String!]!
    "The people to contact there."
    contacts: [PartnerContact!]!
    "Its collaborations on the register's projects the caller may see (a partner: its own only)."
    collaborations: [Collaboration!]!
    "The engagement log of the organisation, newest first."
    engagements: [Engagement!]!
    "Who changed the record, when and why (staff who keep the network)."
    auditTrail: [PartnersAuditEntry!]!
  }

  "An academic in the research network."
  type Academic @key(fields: "id") {
    "The academic's id (lower-case letters, digits and hyphens)."
    id: ID!
    "The academic's name."
    name: String!
    "Their ORCID iD, if known (e.g. 0000-0002-1825-0097)."
    orcid: String
    "Their areas of expertise."
    expertise: [String!]!
    "The organisations they are or were affiliated with, each from a day and maybe until one."
    affiliations: [Affiliation!]!
    "Their collaborations on the register's projects the caller may see."
    collaborations: [Collaboration!]!
    "Who changed the record, when and why (staff who keep the network)."
    auditTrail: [PartnersAuditEntry!]!
  }

  ${auditEntryTypeDefs('PartnersAuditEntry')}

  "A partner linked to a register project with a role."
  type Collaboration {
    "The project. A collaboration on a project the caller may not see is left out of every list."
    project: ResearchProject
    "Whether the partner is an organisation or an academic."
    partnerKind: PartnerKind!
    "The organisation's or academic's id."
    partnerId: ID!
    "The organisation, when the partner is one the caller may see."
    organisation: Organisation
    "The academic, when the partner is one the caller may see."
    academic: Academic
    "The part the partner plays in the project."
    role: CollaborationRole!
    "The day the collaboration began (YYYY-MM-DD)."
    from: String!
    "The day it ended or is planned to end (YYYY-MM-DD), if known."
    until: String
    "Whether it goes on or has ended."
    status: CollaborationStatus!
  }

  "An outcome a partner published for a project (findings, a publication, a dataset, a presentation)."
  type PartnerOutcome {
    "The submission's id: the partner's id and its message id."
    submissionId: ID!
    "The partner organisation that submitted it."
    organisationId: ID!
    "How it arrived."
    channel: OutcomeChannel!
    "The register's project it is for."
    projectId: ID!
    "What kind of outcome it is."
    kind: PartnerOutcomeKind!
    "Its title."
    title: String!
    "A summary, if the partner gave one."
    summary: String
    "Its DOI (a publication always has one)."
    doi: String
    "A link to it, if the partner gave one."
    url: String
    "The day it was published (YYYY-MM-DD)."
    publishedOn: String!
    "Where the submission stands: awaiting moderation, published or rejected."
    status: PartnerOutcomeStatus!
    "Why a moderator rejected it; null unless rejected."
    reason: String
    "When the service received it (ISO 8601)."
    receivedAt: String!
  }

  "Feed input that was not accepted, held with the reason until an administrator acts."
  type QuarantinedItem {
    "The item's id: the channel, the partner and the message."
    itemId: ID!
    "How it arrived."
    channel: OutcomeChannel!
    "The partner organisation it came from; null when no partner could be told."
    organisationId: ID
    "Why it was not accepted (or why an administrator discarded it)."
    reason: String!
    "The input as received (up to 64 KiB), for an administrator to inspect."
    received: String!
    "Whether it is held, was resubmitted corrected, or was discarded."
    status: QuarantineStatus!
    "When it was quarantined (ISO 8601)."
    heldAt: String!
  }

  "A meeting, research fair or master class with partners, and the staff who took part."
  type Engagement {
    "The engagement's id."
    engagementId: ID!
    "What kind of engagement it was."
    kind: EngagementKind!
    "What it was."
    title: String!
    "The day it took place (YYYY-MM-DD)."
    on: String!
    "The organisations that took part."
    organisationIds: [ID!]!
    "The academics who took part."
    academicIds: [ID!]!
    "The members of staff who took part (the community's person ids)."
    peopleIds: [ID!]!
  }

  "An agreement in force that expires within the days asked about."
  type ExpiringAgreement {
    "The agreement's id."
    agreementId: ID!
    "What kind of agreement it is."
    kind: AgreementKind!
    "The agreement's title."
    title: String!
    "The organisations party to it."
    partyIds: [ID!]!
    "The last day it is in force unless renewed (YYYY-MM-DD)."
    expiresOn: String!
    "Days from the service's date to its expiry."
    daysLeft: Int!
  }

  "Where an agreement stands on the service's date."
  enum AgreementStatus {
    "Not terminated, and its expiry date is today or later."
    in_force
    "Not terminated, but its expiry date has passed without a renewal."
    expired
    "Terminated."
    terminated
  }

  "An agreement between the force and partner organisations."
  type Agreement {
    "The agreement's id."
    id: ID!
    "What kind of agreement it is."
    kind: AgreementKind!
    "The agreement's title."
    title: String!
    "The organisations party to it."
    partyIds: [ID!]!
    "The day it takes effect (YYYY-MM-DD)."
    startsOn: String!
    "The last day it is in force unless renewed (YYYY-MM-DD); a renewal moves it on."
    expiresOn: String!
    "Where it stands on the service's date."
    status: AgreementStatus!
  }

  "Which agreements to list; every condition given must hold."
  input AgreementFilter {
    "Agreements this organisation is party to."
    organisationId: ID
    "Agreements that stand so on the service's date."
    status: AgreementStatus
    "Agreements of this kind."
    kind: AgreementKind
    "Agreements whose expiry date is before this day (YYYY-MM-DD), whatever their status: with status in_force, those to renew before then."
    expiringBefore: String
  }

  "One page of agreements, and how many match in all."
  type AgreementPage {
    "The agreements on this page, most recently starting first, then by id."
    items: [Agreement!]!
    "The agreements matching the filter, over all pages."
    total: Int!
  }

  "A research project of the register, with the partners' part of it."
  type ResearchProject @key(fields: "id") {
    "The project's id (the register's)."
    id: ID!
    "The organisations and academics collaborating on the project."
    partners: [Collaboration!]!
    "Outcomes partners published for the project, once moderated."
    partnerOutcomes: [PartnerOutcome!]!
  }

  "What the partners service answers."
  type Query {
    "An organisation: any member of staff sees every one, a partner only its own; null otherwise."
    organisation("The organisation's id." id: ID!): Organisation
    "Organisations the caller may see, by name."
    organisations(
      "Only those with an area of expertise containing this text (ignoring case)."
      expertise: String
      "Only organisations of this kind."
      kind: OrganisationKind
    ): [Organisation!]!
    "An academic: any member of staff sees every one, a partner only those affiliated with it now; null otherwise."
    academic("The academic's id." id: ID!): Academic
    "Academics the caller may see, by name."
    academics(
      "Only those with an area of expertise containing this text (ignoring case)."
      expertise: String
    ): [Academic!]!
    "The committee and administrators: agreements in force that expire within the days given, soonest first."
    expiringAgreements(
      "How many days ahead of the service's date to look."
      withinDays: Int!
    ): [ExpiringAgreement!]!
    "Agreements, most recently starting first, then by id: all of them for the committee and administrators, and for a partner those its own organisation is party to."
    agreements(
      "Which agreements; all the caller may see when absent."
      filter: AgreementFilter
      "Agreements per page: 50 unless given, at most 200."
      limit: Int
      "Agreements to skip before the page (0 unless given)."
      offset: Int
    ): AgreementPage!
    "The engagement log, newest first."
    engagements(
      "Only engagements this organisation took part in."
      organisationId: ID
      "Only engagements this academic took part in."
      academicId: ID
    ): [Engagement!]!
    "Moderators: submissions awaiting moderation on projects they may see, oldest first."
    moderationQueue: [PartnerOutcome!]!
    "Administrators: feed input held in the quarantine, oldest first."
    quarantine: [QuarantinedItem!]!
    "A partner's own submissions, in every state."
    mySubmissions: [PartnerOutcome!]!
  }

  "What the partners service changes."
  type Mutation {
    "Registers an organisation in the research network (its id chosen by the caller): researchers, the committee, administrators."
    registerOrganisation(
      "The new organisation's id: lower-case letters, digits and hyphens."
      id: ID!
      "The organisation's record."
      organisation: OrganisationInput!
    ): OrganisationPayload!
    "Replaces an organisation's record: researchers, the committee, administrators."
    updateOrganisation(
      "The organisation's id."
      id: ID!
      "The organisation's record as it is to be."
      organisation: OrganisationInput!
    ): OrganisationPayload!
    "Registers an academic in the research network (its id chosen by the caller), affiliated with registered organisations: researchers, the committee, administrators."
    registerAcademic(
      "The new academic's id: lower-case letters, digits and hyphens."
      id: ID!
      "The academic's record."
      academic: AcademicInput!
    ): AcademicPayload!
    "Records an agreement signed with registered organisations (its id chosen by the caller): the committee, administrators."
    signAgreement(
      "The new agreement's id."
      id: ID!
      "The agreement."
      agreement: AgreementInput!
    ): AgreementPayload!
    "Links a registered organisation or academic to a project the caller may see, with a role: researchers, the committee, administrators."
    startCollaboration(
      "The project, the partner, its role and the days."
      collaboration: CollaborationInput!
    ): CollaborationPayload!
    "Records an engagement with registered organisations and academics (its id chosen by the caller): researchers, the committee, administrators."
    recordEngagement(
      "The new engagement's id."
      id: ID!
      "The engagement."
      engagement: EngagementInput!
    ): EngagementPayload!
    "Administrators: a new webhook secret for the partner, shown once in the answer; the previous one keeps working for 7 days."
    issueWebhookSecret("The partner organisation." organisationId: ID!): WebhookSecretPayload!
    "Moderators: publishes a submission awaiting moderation on a project they may see."
    acceptOutcome("The submission." submissionId: ID!): PartnerOutcomePayload!
    "Moderators: rejects a submission awaiting moderation on a project they may see, saying why."
    rejectOutcome(
      "The submission."
      submissionId: ID!
      "Why it is rejected (told to the partner)."
      reason: String!
    ): PartnerOutcomePayload!
    "Administrators: resubmits a held item with a corrected outcome, as a new submission of the same partner (moderated like any other)."
    resubmitQuarantined(
      "The held item."
      itemId: ID!
      "The corrected outcome, for a project both the administrator and the partner may see."
      outcome: PartnerOutcomeInput!
    ): ResubmitQuarantinedPayload!
    "Administrators: discards a held item, saying why."
    discardQuarantined(
      "The held item."
      itemId: ID!
      "Why it is discarded."
      reason: String!
    ): QuarantinedItemPayload!
  }

  "An organisation after the change."
  type OrganisationPayload {
    "The organisation as the query organisation shows it to the caller."
    organisation: Organisation!
  }

  "An academic after the change."
  type AcademicPayload {
    "The academic as the query academic shows it to the caller."
    academic: Academic!
  }

  "An agreement after it was signed."
  type AgreementPayload {
    "The agreement as the query agreements lists it, with where it stands on the service's date."
    agreement: Agreement!
  }

  "A collaboration after it started."
  type CollaborationPayload {
    "The project the partner collaborates on."
    projectId: ID!
    "The organisation or academic."
    partnerId: ID!
    "The collaboration as ResearchProject.partners shows it to the caller; null only if the caller lost need-to-know of the project in the moment since."
    collaboration: Collaboration
  }

  "An engagement after it was recorded."
  type EngagementPayload {
    "The engagement as the engagement log shows it to the caller."
    engagement: Engagement!
  }

  "A partner's new webhook secret, shown this once to the administrator who issued it."
  type WebhookSecretPayload {
    "The partner organisation the secret is for."
    organisationId: ID!
    "The new secret (whsec_…), to hand to the partner: it is not shown again."
    secret: String!
    "The organisation as the query organisation shows it to the caller."
    organisation: Organisation!
  }

  "A submission after a moderator's decision."
  type PartnerOutcomePayload {
    "The submission's id."
    submissionId: ID!
    "The submission, now published or rejected, as the caller may see it; null only if the caller lost need-to-know of its project in the moment since."
    outcome: PartnerOutcome
  }

  "A quarantined item after it was resubmitted, and the new submission it became."
  type ResubmitQuarantinedPayload {
    "The new submission's id (made by the service)."
    submissionId: ID!
    "The new submission, awaiting moderation, as the moderation queue shows it; null only if the caller lost need-to-know of its project in the moment since."
    outcome: PartnerOutcome
    "The quarantined item, now resubmitted."
    item: QuarantinedItem!
  }

  "A quarantined item after the change."
  type QuarantinedItemPayload {
    "The item as the quarantine shows it, now discarded."
    item: QuarantinedItem!
  }
  ${partnersInputTypeDefs}
`;
