import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** Arbitrary JSON input (a proposal, findings); parsed against the zod contract by the decider. */
export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'A JSON value, validated by the command that receives it.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
