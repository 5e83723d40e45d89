import { z } from 'zod';
import {
  ContractViolationError,
  defineEvent,
  defineEvents,
  EventEnvelopeSchema,
  parseEventEnvelope,
  type EventEnvelope,
} from './index';

function validEnvelope(): EventEnvelope {
  return {
    id: '0b6f4f7e-8a51-4c2e-9a39-2f1f0f6d1a11',
    type: 'register.project.proposed',
    schemaVersion: 1,
    data: { projectId: 'p-1', title: 'Hot-spot patrols on the night-time economy' },
    metadata: {
      correlationId: '5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      causationId: null,
      actor: { kind: 'person', id: 'person-42' },
      recordedAt: '2026-03-31T09:15:00.000Z',
      traceContext: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
      classification: 'OFFICIAL',
    },
  };
}

function issuesOf(input: unknown): string[] {
  try {
    parseEventEnvelope(input);
  } catch (error) {
    if (error instanceof ContractViolationError) return error.issues.map((issue) => issue.path);
    throw error;
  }
  return [];
}

describe('event envelope', () => {
  it('accepts a complete envelope and returns it unchanged', () => {
    const envelope = validEnvelope();
    expect(parseEventEnvelope(envelope)).toEqual(envelope);
  });

  it('accepts OFFICIAL-SENSITIVE, a causation id, an offset timestamp and no trace context', () => {
    const envelope = validEnvelope();
    envelope.metadata = {
      ...envelope.metadata,
      causationId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      recordedAt: '2026-03-31T10:15:00+01:00',
      classification: 'OFFICIAL_SENSITIVE',
    };
    delete envelope.metadata.traceContext;
    expect(EventEnvelopeSchema.safeParse(envelope).success).toBe(true);
  });

  it('reports every problem at once, each by its path', () => {
    const broken = {
      ...validEnvelope(),
      id: 'not-a-uuid',
      schemaVersion: 0,
      metadata: {
        ...validEnvelope().metadata,
        actor: { kind: 'person', id: '' },
        classification: 'SECRET',
      },
    };
    expect(issuesOf(broken).sort()).toEqual(
      ['id', 'metadata.actor.id', 'metadata.classification', 'schemaVersion'].sort(),
    );
  });

  it('carries a stable error code and names the contract', () => {
    expect(() => parseEventEnvelope({})).toThrow(ContractViolationError);
    try {
      parseEventEnvelope({});
    } catch (error) {
      expect(error).toMatchObject({ code: 'CONTRACT_VIOLATION', contract: 'EventEnvelope' });
    }
  });

  it.each([
    ['class-style names', 'ProjectProposed'],
    ['too few segments', 'register.proposed'],
    ['upper case', 'Register.Project.Proposed'],
  ])('rejects event type names with %s', (_label, type) => {
    expect(issuesOf({ ...validEnvelope(), type })).toEqual(['type']);
  });

  it('rejects a timestamp without a zone, and a malformed or all-zero traceparent', () => {
    const envelope = validEnvelope();
    expect(
      issuesOf({ ...envelope, metadata: { ...envelope.metadata, recordedAt: '2026-03-31 09:15' } }),
    ).toEqual(['metadata.recordedAt']);
    for (const traceparent of [
      '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    ]) {
      expect(
        issuesOf({
          ...envelope,
          metadata: { ...envelope.metadata, traceContext: { traceparent } },
        }),
      ).toEqual(['metadata.traceContext.traceparent']);
    }
  });

  it('rejects unknown members so that typos in producers are caught', () => {
    const envelope = validEnvelope();
    expect(
      issuesOf({ ...envelope, metadata: { ...envelope.metadata, actorName: 'A. Officer' } }),
    ).toEqual(['metadata']);
  });
});

describe('defineEvent', () => {
  const ProjectProposedV1 = defineEvent(
    'register.project.proposed',
    1,
    z.object({ projectId: z.string(), title: z.string().min(3) }),
  );

  it('fixes the type and version and checks the data', () => {
    expect(ProjectProposedV1.safeParse(validEnvelope()).success).toBe(true);
    expect(ProjectProposedV1.safeParse({ ...validEnvelope(), schemaVersion: 2 }).success).toBe(
      false,
    );
    expect(
      ProjectProposedV1.safeParse({ ...validEnvelope(), type: 'register.project.submitted' })
        .success,
    ).toBe(false);
    expect(
      ProjectProposedV1.safeParse({ ...validEnvelope(), data: { projectId: 'p-1' } }).success,
    ).toBe(false);
  });

  it('refuses to define an event with a badly formed name or version', () => {
    expect(() => defineEvent('ProjectProposed', 1, z.object({}))).toThrow();
    expect(() => defineEvent('register.project.proposed', 0, z.object({}))).toThrow();
  });
});

describe('defineEvents', () => {
  it('defines a contract at its current version for each event type of a family', () => {
    const contracts = defineEvents({
      'register.project.proposed': z.object({ projectId: z.string(), title: z.string().min(3) }),
      'register.project.submitted': z.object({ submittedBy: z.string() }),
    });
    expect(Object.keys(contracts)).toEqual([
      'register.project.proposed',
      'register.project.submitted',
    ]);
    // Proposals were respelt (decision 0023): version 2; other types are still at version 1.
    const proposed = { ...validEnvelope(), schemaVersion: 2 };
    expect(contracts['register.project.proposed'].safeParse(proposed).success).toBe(true);
    expect(contracts['register.project.proposed'].safeParse(validEnvelope()).success).toBe(false);
    expect(contracts['register.project.submitted'].safeParse(proposed).success).toBe(false);
    const submitted = {
      ...validEnvelope(),
      type: 'register.project.submitted',
      data: { submittedBy: 'p' },
    };
    expect(contracts['register.project.submitted'].safeParse(submitted).success).toBe(true);
  });
});
