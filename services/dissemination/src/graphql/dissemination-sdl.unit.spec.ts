import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { disseminationTypeDefs } from './dissemination.schema';

describe('published subgraph SDL', () => {
  it('schema/dissemination.graphql is what the service serves (run `npm run sdl -w @ebp/dissemination` after a change)', () => {
    const published = readFileSync(
      join(__dirname, '..', '..', 'schema', 'dissemination.graphql'),
      'utf8',
    );
    expect(published).toBe(`${disseminationTypeDefs.trim()}\n`);
  });
});
