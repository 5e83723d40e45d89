import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { partnersTypeDefs } from './partners.schema';

describe('published subgraph SDL', () => {
  it('schema/partners.graphql is what the service serves (run `npm run sdl -w @ebp/partners` after a change)', () => {
    const published = readFileSync(
      join(__dirname, '..', '..', 'schema', 'partners.graphql'),
      'utf8',
    );
    expect(published).toBe(`${partnersTypeDefs.trim()}\n`);
  });
});
