import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { gatewayRoot } from '@ebp/gateway';
import { contractDrift, describeContractShapes } from '@ebp/platform';
import { communityContractTypes } from '@ebp/community';
import { disseminationContractTypes } from '@ebp/dissemination';
import { partnersContractTypes } from '@ebp/partners';
import { registerContractTypes } from '@ebp/register';

/**
 * The graph as an API (issue 18, decision 0022): typed inputs generated from the zod contracts,
 * and mutations that answer with what they changed.
 */
const CONTRACTS = [
  communityContractTypes,
  disseminationContractTypes,
  partnersContractTypes,
  registerContractTypes,
];

const composed = (): GraphQLSchema =>
  buildSchema(readFileSync(join(gatewayRoot, 'api-schema.graphql'), 'utf8'));

/** Why a mutation is not yet an API one could program against, if it is not. */
function untyped(schema: GraphQLSchema): Map<string, string> {
  const found = new Map<string, string>();
  for (const mutation of Object.values(schema.getMutationType()!.getFields())) {
    const json = mutation.args.filter((argument) => getNamedType(argument.type).name === 'JSON');
    const answer = getNamedType(mutation.type);
    if (json.length > 0)
      found.set(mutation.name, `takes JSON (${json.map((a) => a.name).join(', ')})`);
    else if (!isObjectType(answer)) found.set(mutation.name, `answers a bare ${answer.name}`);
    else if (
      mutation.args.some((argument) => argument.name === 'expectedVersion') &&
      !('version' in answer.getFields())
    )
      found.set(mutation.name, 'takes an expectedVersion but does not answer the new version');
  }
  return found;
}

/**
 * The only output fields left as JSON, each with why: opaque payloads whose shape is the event's,
 * described per event type by the event catalogue (docs/events/catalogue.md), not by the graph.
 */
const OPAQUE_OUTPUTS: Readonly<Record<string, string>> = {
  'CommunityAuditEntry.data': 'an audit entry carries its event’s own data, whatever its type',
  'DisseminationAuditEntry.data': 'an audit entry carries its event’s own data, whatever its type',
  'PartnersAuditEntry.data': 'an audit entry carries its event’s own data, whatever its type',
  'ProjectHistoryEntry.data': 'a history entry carries its event’s own data, whatever its type',
};

/** Every output field typed JSON, as `Type.field`. */
function jsonOutputs(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) || isInterfaceType(type))
    .filter((type) => !type.name.startsWith('__'))
    .flatMap((type) =>
      Object.values(type.getFields())
        .filter((field) => getNamedType(field.type).name === 'JSON')
        .map((field) => `${type.name}.${field.name}`),
    )
    .sort();
}

describe('the graph as an API', () => {
  it('types every output field but the opaque event payloads it names, each with why', () => {
    expect(jsonOutputs(composed())).toEqual(Object.keys(OPAQUE_OUTPUTS).sort());
  });

  it('every mutation takes typed inputs and answers with a payload', () => {
    expect([...untyped(composed())].map(([name, why]) => `${name} ${why}`)).toEqual([]);
  });

  it('each input type generated from a zod contract is that contract, field by field, in the composed graph', () => {
    const schema = composed();
    for (const types of CONTRACTS) expect(contractDrift(schema, types)).toEqual([]);
  });

  it('every input type of a mutation comes from a contract', () => {
    const schema = composed();
    const fromContracts = new Set(
      CONTRACTS.flatMap((types) => [...describeContractShapes(types).inputs.keys()]),
    );
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const inputs = mutations.flatMap((mutation) =>
      mutation.args
        .map((argument) => getNamedType(argument.type))
        .filter(isInputObjectType)
        .map((type) => `${mutation.name}: ${type.name}`),
    );
    expect(inputs.filter((input) => !fromContracts.has(input.split(': ')[1]!))).toEqual([]);
  });
});
