import { EbpError } from '@ebp/contracts';
import { GraphQLError } from 'graphql';
import { formatGraphQLError } from './graphql-errors';

class InvalidThing extends EbpError {
  readonly code = 'INVALID_THING';
}

describe('what clients see of an error', () => {
  it('keeps a typed error’s message, code and field issues', () => {
    const error = new InvalidThing('The thing is not valid: title: too short', {
      issues: [{ path: 'title', message: 'too short' }],
    });
    expect(formatGraphQLError({ message: error.message, path: ['propose'] }, error)).toEqual({
      message: 'The thing is not valid: title: too short',
      path: ['propose'],
      extensions: { code: 'INVALID_THING', issues: [{ path: 'title', message: 'too short' }] },
    });
    expect(formatGraphQLError({ message: 'x' }, new InvalidThing('x')).extensions).toEqual({
      code: 'INVALID_THING',
    });
  });

  it('passes a subgraph’s coded error through the gateway with its issues', () => {
    const formatted = {
      message: 'The proposal is not valid',
      extensions: { code: 'INVALID_PROJECT_INPUT', issues: [{ path: 'summary', message: 'x' }] },
    };
    expect(formatGraphQLError(formatted, new GraphQLError(formatted.message)).extensions).toEqual(
      formatted.extensions,
    );
  });

  it('hides anything else behind INTERNAL_SERVER_ERROR', () => {
    expect(
      formatGraphQLError(
        { message: 'connection to 10.1.2.3 refused', extensions: { issues: [] } },
        new Error('connection to 10.1.2.3 refused'),
      ),
    ).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
