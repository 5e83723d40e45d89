// Build step: composes supergraph.graphql from the subgraphs' published SDL. A composition error
// fails the build with the list of problems.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSupergraph } from '../src/composition';

const root = join(__dirname, '..');
try {
  const supergraph = composeSupergraph(join(root, 'subgraphs.json'));
  writeFileSync(join(root, 'supergraph.graphql'), supergraph);
  console.log(`wrote ${join(root, 'supergraph.graphql')}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
