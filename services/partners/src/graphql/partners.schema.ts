import { auditEntryTypeDefs } from '@ebp/platform';

/**
 * The partners service's subgraph schema (Federation 2): the research network, partners on the
 * register's projects and their published outcomes, moderation and the quarantine.
 */
export const partnersTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  scalar JSON

  type Organisation @key(fields: "id") {
    id: ID!
    name: String!
    kind: String!
    rorId: String
    expertise: [String!]!
    contacts: JSON!
    collaborations: [Collaboration!]!
    engagements: [Engagement!]!
    "Who changed the record, when and why (staff who keep the network)."
    auditTrail: [PartnersAuditEntry!]!
  }

  type Academic @key(fields: "id") {
    id: ID!
    name: String!
    orcid: String
    expertise: [String!]!
    affiliations: JSON!
    collaborations: [Collaboration!]!
    "Who changed the record, when and why (staff who keep the network)."
    auditTrail: [PartnersAuditEntry!]!
  }

  ${auditEntryTypeDefs('PartnersAuditEntry')}

  "A partner linked to a register project with a role."
  type Collaboration {
    "The project. A collaboration on a project the caller may not see is left out of every list."
    project: ResearchProject
    partnerKind: String!
    partnerId: ID!
    organisation: Organisation
    academic: Academic
    role: String!
    from: String!
    until: String
    status: String!
  }

  "An outcome a partner published for a project (findings, a publication, a dataset, a presentation)."
  type PartnerOutcome {
    submissionId: ID!
    organisationId: ID!
    channel: String!
    projectId: ID!
    kind: String!
    title: String!
    summary: String
    doi: String
    url: String
    publishedOn: String!
    status: String!
    reason: String
    receivedAt: String!
  }

  "Feed input that was not accepted, held with the reason until an administrator acts."
  type QuarantinedItem {
    itemId: ID!
    channel: String!
    organisationId: ID
    reason: String!
    received: String!
    status: String!
    heldAt: String!
  }

  "A meeting, research fair or master class with partners, and the staff who took part."
  type Engagement {
    engagementId: ID!
    kind: String!
    title: String!
    on: String!
    organisationIds: [ID!]!
    academicIds: [ID!]!
    peopleIds: [ID!]!
  }

  type ExpiringAgreement {
    agreementId: ID!
    kind: String!
    title: String!
    partyIds: [ID!]!
    expiresOn: String!
    daysLeft: Int!
  }

  "What kind of agreement it is."
  enum AgreementKind {
    "A memorandum of understanding."
    memorandum_of_understanding
    "A data-sharing agreement."
    data_sharing
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

  type ResearchProject @key(fields: "id") {
    id: ID!
    "The organisations and academics collaborating on the project."
    partners: [Collaboration!]!
    "Outcomes partners published for the project, once moderated."
    partnerOutcomes: [PartnerOutcome!]!
  }

  type Query {
    organisation(id: ID!): Organisation
    organisations(expertise: String, kind: String): [Organisation!]!
    academic(id: ID!): Academic
    academics(expertise: String): [Academic!]!
    expiringAgreements(withinDays: Int!): [ExpiringAgreement!]!
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
    engagements(organisationId: ID, academicId: ID): [Engagement!]!
    moderationQueue: [PartnerOutcome!]!
    quarantine: [QuarantinedItem!]!
    "A partner's own submissions, in every state."
    mySubmissions: [PartnerOutcome!]!
  }

  type Mutation {
    registerOrganisation(id: ID!, organisation: JSON!): Boolean!
    updateOrganisation(id: ID!, organisation: JSON!): Boolean!
    registerAcademic(id: ID!, academic: JSON!): Boolean!
    signAgreement(id: ID!, agreement: JSON!): Boolean!
    startCollaboration(collaboration: JSON!): Boolean!
    recordEngagement(id: ID!, engagement: JSON!): Boolean!
    "A new webhook secret for the partner, shown once; the previous one keeps working for 7 days."
    issueWebhookSecret(organisationId: ID!): String!
    acceptOutcome(submissionId: ID!): Boolean!
    rejectOutcome(submissionId: ID!, reason: String!): Boolean!
    "Resubmits a quarantined item with a corrected outcome; returns the new submission's id."
    resubmitQuarantined(itemId: ID!, outcome: JSON!): ID!
    discardQuarantined(itemId: ID!, reason: String!): Boolean!
  }
`;
