import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { communityTypeDefs } from './community.schema';

describe('published subgraph SDL', () => {
  it('schema/community.graphql is what the service serves (run `npm run sdl -w @ebp/community` after a change)', () => {
    const published = readFileSync(
      join(__dirname, '..', '..', 'schema', 'community.graphql'),
      'utf8',
    );
    expect(published).toBe(`${communityTypeDefs.trim()}\n`);
  });
});
