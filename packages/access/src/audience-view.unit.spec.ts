import { randomUUID } from 'node:crypto';
import type { EntityAudience } from '@ebp/contracts';
import type { StoredEvent } from '@ebp/eventing';
import { PROJECT_AUDIENCE_EVENT, projectAudiences } from './projects';
import type { AudienceView } from './audience-view';

const definition = projectAudiences('test');

const audienceEvent = (audience: EntityAudience): StoredEvent =>
  ({
    id: randomUUID(),
    type: PROJECT_AUDIENCE_EVENT,
    schemaVersion: 1,
    data: audience,
    streamId: `project:${audience.entityId}`,
    streamVersion: audience.revision + 1,
    position: `${String(audience.revision).padStart(20, '0')}-${'0'.repeat(20)}`,
    metadata: {
      correlationId: randomUUID(),
      causationId: null,
      actor: { kind: 'person', id: 'person-sam' },
      recordedAt: '2026-11-29T10:00:00.000Z',
      classification: audience.classification,
    },
  }) as unknown as StoredEvent;

const fold = (events: StoredEvent[]) =>
  events.reduce<AudienceView | null>((view, event) => definition.evolve(view, event), null);

const first: EntityAudience = {
  entityId: 'p-1',
  classification: 'OFFICIAL_SENSITIVE',
  readers: ['person:person-sam', 'role:committee'],
  revision: 1,
};
const withBen = { ...first, readers: [...first.readers, 'person:person-ben'], revision: 2 };
const withoutBen = { ...first, revision: 3 };
const released: EntityAudience = {
  entityId: 'p-1',
  classification: 'OFFICIAL',
  readers: ['everyone'],
  revision: 4,
};

describe('the audience read model', () => {
  it('keeps one document per entity, named by the entity id', () => {
    expect(definition.name).toBe('test-project-audiences');
    expect(definition.documentId(audienceEvent(first))).toBe('p-1');
  });

  it('follows a person added to and removed from need-to-know, and a release', () => {
    expect(fold([audienceEvent(first), audienceEvent(withBen)])?.readers).toContain(
      'person:person-ben',
    );
    expect(
      fold([audienceEvent(first), audienceEvent(withBen), audienceEvent(withoutBen)])?.readers,
    ).not.toContain('person:person-ben');
    expect(fold([first, withBen, withoutBen, released].map(audienceEvent))).toEqual(released);
  });

  it('changes nothing when an event is delivered again', () => {
    const events = [first, withBen, withoutBen].map(audienceEvent);
    expect(fold([...events, events[1]!, events[0]!])).toEqual(withoutBen);
  });

  it('never lets a late, older audience replace a newer one', () => {
    expect(fold([audienceEvent(released), audienceEvent(withBen)])).toEqual(released);
    expect(fold([audienceEvent(withoutBen), audienceEvent(first)])).toEqual(withoutBen);
  });

  it('refuses an audience event that breaks its contract', () => {
    const broken = audienceEvent({ ...first, readers: ['anyone at all'] });
    expect(() => definition.evolve(null, broken)).toThrow(/reader key/);
  });
});
