import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerTypeDefs } from './register.schema';

describe('published subgraph SDL', () => {
  it('schema/register.graphql is what the service serves (run `npm run sdl -w @ebp/register` after a change)', () => {
    const published = readFileSync(
      join(__dirname, '..', '..', 'schema', 'register.graphql'),
      'utf8',
    );
    expect(published).toBe(`${registerTypeDefs.trim()}\n`);
  });
});
