import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompositionError, apiSchemaOf, composeSupergraph, gatewayRoot } from './composition';

describe('supergraph composition', () => {
  it('supergraph.graphql is up to date with the subgraphs (npm run compose -w @ebp/gateway)', async () => {
    expect(readFileSync(join(gatewayRoot, 'supergraph.graphql'), 'utf8')).toBe(
      await composeSupergraph(join(gatewayRoot, 'subgraphs.json')),
    );
  });

  it('api-schema.graphql is the supergraph as clients see it, up to date', () => {
    const api = readFileSync(join(gatewayRoot, 'api-schema.graphql'), 'utf8');
    expect(api).toBe(apiSchemaOf(readFileSync(join(gatewayRoot, 'supergraph.graphql'), 'utf8')));
    expect(api).toContain('governanceReport(');
    expect(api).not.toContain('join__');
    expect(api).not.toContain('@key');
  });

  it('fails with the composition errors when subgraphs disagree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebp-compose-'));
    writeFileSync(
      join(dir, 'a.graphql'),
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\ntype Query { a: Thing }\ntype Thing @key(fields: "id") { id: ID! name: String }',
    );
    writeFileSync(
      join(dir, 'b.graphql'),
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\ntype Query { b: Thing }\ntype Thing @key(fields: "id") { id: ID! name: Int }',
    );
    writeFileSync(
      join(dir, 'list.json'),
      JSON.stringify({
        subgraphs: [
          { name: 'a', sdl: 'a.graphql' },
          { name: 'b', sdl: 'b.graphql' },
        ],
      }),
    );
    await expect(composeSupergraph(join(dir, 'list.json'))).rejects.toThrow(CompositionError);
    await expect(composeSupergraph(join(dir, 'list.json'))).rejects.toThrow(/Thing\.name/);
  });
});
