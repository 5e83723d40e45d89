import { z } from 'zod';
import { currentSchemaVersion, respellEnumValues } from './respelling';
import * as register from './register';
import { respellEventData, upcasters } from './upcasting';

const Verdict = z.enum(['meets_standards', 'revisions_required']);
const Data = z
  .object({
    projectId: z.string(),
    verdict: Verdict,
    note: z.string().optional(),
    checklist: z.record(
      z.enum(['sample_size_justified', 'bias_risks_addressed']),
      z.enum(['met', 'not_met']),
    ),
    ethics: z.discriminatedUnion('status', [
      z.object({ status: z.literal('approved'), board: z.string() }),
      z.object({ status: z.literal('not_required'), reason: z.string() }),
    ]),
    outcomes: z.array(z.object({ kind: z.enum(['master_class', 'course']) })).optional(),
  })
  .strict();

describe('respelling stored enumerated values', () => {
  it('respells hyphenated values in enumerated positions, record keys, unions and lists', () => {
    expect(
      respellEnumValues(Data, {
        projectId: 'demo-hot-spots',
        verdict: 'meets_standards',
        note: 'not_met',
        checklist: { sample_size_justified: 'met', bias_risks_addressed: 'not_met' },
        ethics: { status: 'not_required', reason: 'no-effect on anyone' },
        outcomes: [{ kind: 'master_class' }, { kind: 'course' }],
      }),
    ).toEqual({
      projectId: 'demo-hot-spots',
      verdict: 'meets_standards',
      note: 'not_met',
      checklist: { sample_size_justified: 'met', bias_risks_addressed: 'not_met' },
      ethics: { status: 'not_required', reason: 'no-effect on anyone' },
      outcomes: [{ kind: 'master_class' }, { kind: 'course' }],
    });
  });

  it('leaves ids, free text and values the enum does not know alone, and the result parses', () => {
    const stored = {
      projectId: 'in_progress',
      verdict: 'revisions_required',
      checklist: { sample_size_justified: 'met', bias_risks_addressed: 'met' },
      ethics: { status: 'approved', board: 'meets-standards board' },
    };
    const respelt = respellEnumValues(Data, stored);
    expect(respelt).toMatchObject({
      projectId: 'in_progress',
      ethics: { board: 'meets-standards board' },
    });
    expect(Data.safeParse(respelt).success).toBe(true);
    expect(respellEnumValues(Data, { verdict: 'fabulous-work' })).toEqual({
      verdict: 'fabulous-work',
    });
  });

  it('writes respelt event types at version 2 and the rest at version 1', () => {
    expect(currentSchemaVersion('register.project.review-recorded')).toBe(2);
    expect(currentSchemaVersion('register.project.submitted')).toBe(1);
  });
});

describe('upcasting the respelt event types', () => {
  const registry = new Map(upcasters.map((upcaster) => [upcaster.type, upcaster]));

  it('lifts a version 1 review to version 2 in the current spelling, and it then parses', () => {
    const storedChecklist = Object.fromEntries(
      register.QA_CRITERIA.map((criterion) => [criterion.replaceAll('_', '-'), 'met']),
    );
    const lifted = registry.get('register.project.review-recorded')!.upcast({
      reviewerId: 'person-rob',
      verdict: 'revisions-required',
      checklist: { ...storedChecklist, 'sample-size-justified': 'not-met' },
      comments: 'The sample size needs a power calculation.',
    });
    expect(lifted).toMatchObject({
      verdict: 'revisions_required',
      checklist: { research_question_clear: 'met', sample_size_justified: 'not_met' },
    });
    expect(register.projectEventData['register.project.review-recorded'].parse(lifted)).toEqual(
      lifted,
    );
  });

  it('respells an amendment by the proposal field each change belongs to', () => {
    const lifted = registry.get('register.project.amended')!.upcast({
      by: 'person-rae',
      justification: 'The partner asked for a narrower target.',
      changes: {
        ebpMatrix: {
          from: {
            target: 'neighbourhood',
            proactivity: 'highly-proactive',
            specificity: 'focused',
          },
          to: { target: 'micro-place', proactivity: 'highly-proactive', specificity: 'focused' },
        },
        classification: { from: 'OFFICIAL', to: 'OFFICIAL-SENSITIVE' },
        title: { from: 'Hot-spot patrols', to: 'In-progress patrols' },
      },
      outcomesChangedAfterApproval: false,
    });
    expect(lifted['changes']).toEqual({
      ebpMatrix: {
        from: { target: 'neighbourhood', proactivity: 'highly_proactive', specificity: 'focused' },
        to: { target: 'micro_place', proactivity: 'highly_proactive', specificity: 'focused' },
      },
      classification: { from: 'OFFICIAL', to: 'OFFICIAL_SENSITIVE' },
      title: { from: 'Hot-spot patrols', to: 'In-progress patrols' },
    });
  });

  it("returns data already in today's spelling as it is, and copies only what it changes", () => {
    const current = {
      projectId: 'p-1',
      verdict: 'meets_standards',
      checklist: { sample_size_justified: 'met' },
      ethics: { status: 'approved', board: 'Met ethics board' },
      outcomes: [{ kind: 'course' }],
    };
    expect(respellEnumValues(Data, current)).toBe(current);
    const stored = { ...current, outcomes: [{ kind: 'course' }, { kind: 'master-class' }] };
    const respelt = respellEnumValues(Data, stored) as typeof stored;
    expect(respelt).not.toBe(stored);
    expect(respelt.outcomes).toEqual([{ kind: 'course' }, { kind: 'master_class' }]);
    expect(respelt.outcomes[0]).toBe(stored.outcomes[0]);
    expect(respelt.ethics).toBe(stored.ethics);
    expect(stored.outcomes[1]).toEqual({ kind: 'master-class' });
  });

  it('respells kept copies whatever their version, and leaves other types alone', () => {
    const kept = {
      organisationId: 'demo-org-n8',
      organisation: { kind: 'police-force', name: 'N8 in-force' },
    };
    expect(respellEventData('partners.organisation.registered', kept)).toMatchObject({
      organisation: { kind: 'police_force', name: 'N8 in-force' },
    });
    expect(respellEventData('register.project.submitted', { note: 'in-progress' })).toEqual({
      note: 'in-progress',
    });
  });
});
