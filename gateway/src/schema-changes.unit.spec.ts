import { breakingChanges, reviewCommittedSchema, reviewSchemaChanges } from './schema-changes';

const before = `
  type Query { project(id: ID!): Project, projects(first: Int): [Project!]! }
  type Project { id: ID!, title: String!, status: Status! }
  enum Status { proposed, approved }
`;

describe('breaking changes to the graph', () => {
  it('every breaking change since the baseline is acknowledged in breaking-changes.json, and no acknowledgement is stale', () => {
    const review = reviewCommittedSchema();
    expect(review.unacknowledged).toEqual([]);
    expect(review.stale).toEqual([]);
  });

  it('finds removed fields and types, changed types and newly required arguments', () => {
    const after = `
      type Query { project(id: ID!): Project, projects(first: Int!): [Project!]! }
      type Project { id: ID!, status: String!, summary: String, stage: Stage }
      enum Stage { proposed }
    `;
    expect(breakingChanges(before, after)).toEqual([
      'ARG_CHANGED_KIND: Query.projects arg first has changed type from Int to Int!.',
      'FIELD_CHANGED_KIND: Project.status changed type from Status! to String!.',
      'FIELD_REMOVED: Project.title was removed.',
      'TYPE_REMOVED: Status was removed.',
    ]);
  });

  it('finds an enum value removed', () => {
    const after = before.replace('enum Status { proposed, approved }', 'enum Status { proposed }');
    expect(breakingChanges(before, after)).toEqual([
      'VALUE_REMOVED_FROM_ENUM: approved was removed from enum type Status.',
    ]);
  });

  it('lets additions through without acknowledgement', () => {
    const after = `${before}\n extend type Project { summary: String }\n extend enum Status { completed }`;
    expect(breakingChanges(before, after)).toEqual([]);
  });

  it('names what is unacknowledged and what is acknowledged but no longer happens', () => {
    const review = reviewSchemaChanges(['FIELD_REMOVED: Project.title was removed.'], {
      acknowledged: [
        { change: 'FIELD_REMOVED: Project.summary was removed.', why: 'replaced by abstract' },
      ],
    });
    expect(review).toEqual({
      unacknowledged: ['FIELD_REMOVED: Project.title was removed.'],
      stale: ['FIELD_REMOVED: Project.summary was removed.'],
    });
  });
});
