import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { illFormedInput, wellFormedInputPlugin } from './well-formed-input';

describe('well-formed GraphQL input (issue 17)', () => {
  it.each<[string, string, Record<string, unknown> | undefined, string | undefined]>([
    ['plain variables', 'query($t: String) { echo(text: $t) }', { t: 'hot spots 🔬' }, undefined],
    [
      'a NUL in a variable',
      'query($t: String) { echo(text: $t) }',
      { t: 'a\u0000' },
      'variables.t',
    ],
    [
      'a lone surrogate deep in a variable',
      'query($i: JSON) { echo(text: "x") }',
      { i: { tags: ['ok', '\ud800'] } },
      'variables.i.tags[1]',
    ],
    ['a NUL escape in a literal', '{\n echo(text: "a\\u0000b") }', undefined, 'query (line 2)'],
    [
      'a well-formed escaped pair in a literal',
      '{ echo(text: "\\ud83d\\udd2c") }',
      undefined,
      undefined,
    ],
  ])('%s', (_name, query, variables, path) => {
    expect(illFormedInput(variables, parse(query))).toBe(path);
  });

  it('leaves a lone surrogate escape in a literal to the parser, which refuses it', () => {
    expect(() => parse('{ echo(text: "\\ud800") }')).toThrow('Invalid Unicode escape sequence');
  });

  it('answers BAD_USER_INPUT with HTTP 400 naming where, before anything is resolved', async () => {
    let resolved = 0;
    const server = new ApolloServer({
      typeDefs: 'type Query { echo(text: String): String }',
      resolvers: {
        Query: {
          echo: (_: unknown, { text }: { text: string }) => {
            resolved += 1;
            return text;
          },
        },
      },
      plugins: [wellFormedInputPlugin()],
    });
    await server.start();
    try {
      const refused = await server.executeOperation({
        query: 'query($t: String) { echo(text: $t) }',
        variables: { t: 'a\u0000b' },
      });
      expect(refused.http.status).toBe(400);
      expect(refused.body.kind === 'single' && refused.body.singleResult.errors).toEqual([
        expect.objectContaining({
          message:
            'variables.t: Remove NUL characters and unpaired surrogates: send well-formed Unicode text',
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) as unknown,
        }),
      ]);
      const fine = await server.executeOperation({
        query: 'query($t: String) { echo(text: $t) }',
        variables: { t: 'fine' },
      });
      expect(fine.body.kind === 'single' && fine.body.singleResult.data).toEqual({ echo: 'fine' });
      expect(resolved).toBe(1);
    } finally {
      await server.stop();
    }
  });
});
