import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isScalarType,
  type GraphQLSchema,
} from 'graphql';
import { gatewayRoot } from '@ebp/gateway';
import { contractDrift, describeContractShapes } from '@ebp/platform';
import { communityContractTypes } from '@ebp/community';
import { disseminationContractTypes } from '@ebp/dissemination';
import { registerContractTypes } from '@ebp/register';

/**
 * The graph as an API (issue 18, decision 0022): typed inputs generated from the zod contracts,
 * and mutations that answer with what they changed.
 */
const CONTRACTS = [communityContractTypes, disseminationContractTypes, registerContractTypes];

/**
 * Mutations still on the old shapes (a JSON argument or a bare answer), to be converted; the list
 * may only shrink: an entry that no longer needs to be here fails the test too.
 */
const NOT_YET_TYPED: readonly string[] = [
  'registerOrganisation',
  'updateOrganisation',
  'registerAcademic',
  'signAgreement',
  'startCollaboration',
  'recordEngagement',
  'issueWebhookSecret',
  'acceptOutcome',
  'rejectOutcome',
  'resubmitQuarantined',
  'discardQuarantined',
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
    else if (isScalarType(answer)) found.set(mutation.name, `answers a bare ${answer.name}`);
  }
  return found;
}

describe('the graph as an API', () => {
  it('every mutation takes typed inputs and answers with a payload (apart from those listed as not yet converted)', () => {
    const found = untyped(composed());
    const unexpected = [...found].filter(([name]) => !NOT_YET_TYPED.includes(name));
    const converted = NOT_YET_TYPED.filter((name) => !found.has(name));
    expect(unexpected.map(([name, why]) => `${name} ${why}`)).toEqual([]);
    expect(converted).toEqual([]);
    console.log(
      `graph contract: ${found.size} mutations still to convert: ${[...found.keys()].join(', ')}`,
    );
  });

  it('each input type generated from a zod contract is that contract, field by field, in the composed graph', () => {
    const schema = composed();
    for (const types of CONTRACTS) expect(contractDrift(schema, types)).toEqual([]);
  });

  it('every input type of a converted mutation comes from a contract', () => {
    const schema = composed();
    const fromContracts = new Set(
      CONTRACTS.flatMap((types) => [...describeContractShapes(types).inputs.keys()]),
    );
    const converted = Object.values(schema.getMutationType()!.getFields()).filter(
      (mutation) => !NOT_YET_TYPED.includes(mutation.name),
    );
    const inputs = converted.flatMap((mutation) =>
      mutation.args
        .map((argument) => getNamedType(argument.type))
        .filter(isInputObjectType)
        .map((type) => `${mutation.name}: ${type.name}`),
    );
    expect(inputs.filter((input) => !fromContracts.has(input.split(': ')[1]!))).toEqual([]);
  });
});
