import { buildSchema } from 'graphql';
import { z } from 'zod';
import {
  ContractMappingError,
  contractDrift,
  contractTypeDefs,
  describeContractShapes,
  inputFromGraph,
  type ContractTypes,
} from './contract-inputs';

const Level = z.enum(['low', 'high']);
const Outcome = z.object({ name: z.string(), measure: z.string().optional() }).strict();
const Ethics = z.discriminatedUnion('status', [
  z.object({ status: z.literal('approved'), board: z.string(), approvedOn: z.iso.date() }).strict(),
  z.object({ status: z.literal('pending'), board: z.string() }).strict(),
  z.object({ status: z.literal('not_required'), reason: z.string() }).strict(),
]);
const Proposal = z
  .object({
    title: z.string().trim().min(5).describe('What the project is called.'),
    leadId: z.string(),
    priorityIds: z.array(z.string()).max(10),
    sms: z.int().min(1).max(5),
    budget: z.number().optional(),
    open: z.boolean().default(true),
    level: Level,
    ethics: Ethics,
    outcomes: z.array(Outcome).min(1),
    checklist: z.record(z.enum(['clear', 'justified']), z.enum(['met', 'not_met'])),
  })
  .strict()
  .refine((proposal) => proposal.title !== proposal.leadId);

const types: ContractTypes = {
  inputs: { ProposalInput: Proposal },
  names: [
    [Outcome, 'OutcomeInput'],
    [Level, 'Level'],
  ],
};

describe('GraphQL input types generated from zod contracts', () => {
  it('maps fields, lists, nullability, integers and identifiers', () => {
    const { inputs } = describeContractShapes(types);
    const proposal = inputs.get('ProposalInput')!;
    expect(proposal.fields['title']).toEqual({
      type: { kind: 'scalar', name: 'String' },
      required: true,
      description: 'What the project is called.',
    });
    expect(proposal.fields['leadId']!.type).toEqual({ kind: 'scalar', name: 'ID' });
    expect(proposal.fields['priorityIds']!.type).toEqual({
      kind: 'list',
      of: { kind: 'scalar', name: 'ID' },
    });
    expect(proposal.fields['sms']!.type).toEqual({ kind: 'scalar', name: 'Int' });
    expect(proposal.fields['budget']).toEqual({
      type: { kind: 'scalar', name: 'Float' },
      required: false,
    });
    expect(proposal.fields['open']).toEqual({
      type: { kind: 'scalar', name: 'Boolean' },
      required: false,
    });
    expect(proposal.fields['outcomes']!.type).toEqual({
      kind: 'list',
      of: { kind: 'input', name: 'OutcomeInput' },
    });
  });

  it('gives a record with enum keys one field per key', () => {
    const { inputs } = describeContractShapes(types);
    expect(Object.keys(inputs.get('ChecklistInput')!.fields)).toEqual(['clear', 'justified']);
    expect(inputs.get('ChecklistInput')!.fields['clear']!.type).toMatchObject({
      kind: 'enum',
      name: 'Clear',
    });
  });

  it('flattens a discriminated union: the discriminator required, the rest as every variant allows', () => {
    const ethics = describeContractShapes(types).inputs.get('EthicsInput')!;
    expect(Object.keys(ethics.fields)).toEqual(['status', 'board', 'approvedOn', 'reason']);
    expect(ethics.fields['status']).toMatchObject({
      required: true,
      type: { kind: 'enum', name: 'EthicsStatus', values: ['approved', 'pending', 'not_required'] },
    });
    expect(ethics.fields['board']!.required).toBe(false);
    expect(ethics.fields['reason']!.required).toBe(false);
  });

  it('writes SDL that graphql-js accepts, with each enum and input once', () => {
    const sdl = contractTypeDefs(types);
    const schema = buildSchema(`${sdl}\ntype Query { ok: Boolean }`);
    expect(schema.getType('ProposalInput')).toBeDefined();
    expect(sdl.match(/enum Level /g)).toHaveLength(1);
    expect(sdl).toContain('"What the project is called."');
    expect(contractDrift(schema, types)).toEqual([]);
  });

  it('leaves out enums another part of the schema defines', () => {
    const sdl = contractTypeDefs({ ...types, external: ['Level'] });
    expect(sdl).not.toContain('enum Level ');
    expect(sdl).toContain('level: Level!');
  });

  it('reports every way a served schema drifts from its contract', () => {
    const sdl = contractTypeDefs(types)
      .replace('title: String!', 'title: String')
      .replace('sms: Int!', 'sms: Int!\n    extra: String')
      .replace(/\n\s*budget: Float/, '')
      .replace('enum Level {\n    low', 'enum Level {\n    medium');
    const schema = buildSchema(`${sdl}\ntype Query { ok: Boolean }`);
    expect(contractDrift(schema, types).sort()).toEqual(
      [
        'Level: values high, medium; the contract says high, low',
        'ProposalInput.budget: missing (the contract has Float)',
        'ProposalInput.extra: not in the contract',
        'ProposalInput.title: String, the contract says String!',
      ].sort(),
    );
  });

  it('refuses what GraphQL cannot express, saying where', () => {
    expect(() =>
      describeContractShapes({
        inputs: { BadInput: z.object({ kind: z.enum(['hot-spot']) }) },
      }),
    ).toThrow(
      new ContractMappingError('BadInput.kind: enum value "hot-spot" is not a GraphQL name'),
    );
    expect(() =>
      describeContractShapes({
        inputs: {
          ClashInput: z.object({
            a: z.object({ note: z.object({ x: z.string() }) }),
            b: z.object({ note: z.object({ y: z.string() }) }),
          }),
        },
      }),
    ).toThrow(/two different contracts would both be called NoteInput/);
    expect(() =>
      describeContractShapes({
        inputs: { MapInput: z.object({ m: z.map(z.string(), z.string()) }) },
      }),
    ).toThrow('MapInput.m: a map has no GraphQL input type');
  });

  it('writes output types of the same contracts, nested objects without the Input suffix, sharing the enums', () => {
    const withOutputs: ContractTypes = {
      ...types,
      outputs: { Proposal: Proposal },
      outputNames: [[Outcome, 'Outcome']],
    };
    const { outputs, enums } = describeContractShapes(withOutputs);
    expect([...outputs.keys()].sort()).toEqual(['Checklist', 'Ethics', 'Outcome', 'Proposal']);
    expect(outputs.get('Proposal')!.fields['outcomes']!.type).toEqual({
      kind: 'list',
      of: { kind: 'input', name: 'Outcome' },
    });
    expect(outputs.get('Proposal')!.fields['level']!.type).toMatchObject({ name: 'Level' });
    expect([...enums.keys()].filter((name) => name === 'Level')).toHaveLength(1);
    const sdl = contractTypeDefs(withOutputs);
    expect(sdl).toContain('type Proposal {');
    const schema = buildSchema(`${sdl}\ntype Query { proposal: Proposal }`);
    expect(contractDrift(schema, withOutputs)).toEqual([]);
    const drifted = buildSchema(
      `${sdl.replace('type Outcome {', 'type Outcome {\n    extra: Int')}\ntype Query { proposal: Proposal }`,
    );
    expect(contractDrift(drifted, withOutputs)).toEqual(['Outcome.extra: not in the contract']);
  });

  it('treats a null the client sent as a field left out', () => {
    expect(inputFromGraph({ a: null, b: [{ c: null, d: 1 }], e: 'x' })).toEqual({
      b: [{ d: 1 }],
      e: 'x',
    });
    expect(Proposal.shape.budget.safeParse(undefined).success).toBe(true);
  });
});
