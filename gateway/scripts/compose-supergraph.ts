// Build step: composes supergraph.graphql from the subgraphs' published SDL, and api-schema.graphql
// (the graph as clients see it). A composition error fails the build with the list of problems.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiSchemaOf, composeSupergraph } from '../src/composition';

const root = join(__dirname, '..');
try {
  const supergraph = composeSupergraph(join(root, 'subgraphs.json'));
  writeFileSync(join(root, 'supergraph.graphql'), supergraph);
  console.log(`wrote ${join(root, 'supergraph.graphql')}`);
  writeFileSync(join(root, 'api-schema.graphql'), apiSchemaOf(supergraph));
  console.log(`wrote ${join(root, 'api-schema.graphql')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
