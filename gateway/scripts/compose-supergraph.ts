// Build step: composes supergraph.graphql from the subgraphs' published SDL, and api-schema.graphql
// (the graph as clients see it). A composition error fails the build with the list of problems.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiSchemaOf, composeSupergraph } from '../src/composition';
import { ACKNOWLEDGEMENTS_FILE, BASELINE_FILE, reviewCommittedSchema } from '../src/schema-changes';

const root = join(__dirname, '..');

async function main(): Promise<void> {
  const supergraph = await composeSupergraph(join(root, 'subgraphs.json'));
  writeFileSync(join(root, 'supergraph.graphql'), supergraph);
  console.log(`wrote ${join(root, 'supergraph.graphql')}`);
  writeFileSync(join(root, 'api-schema.graphql'), apiSchemaOf(supergraph));
  console.log(`wrote ${join(root, 'api-schema.graphql')}`);
  const review = reviewCommittedSchema(root);
  if (review.unacknowledged.length > 0) {
    console.warn(
      `\n${review.unacknowledged.length} breaking change(s) since ${BASELINE_FILE}; acknowledge each in ${ACKNOWLEDGEMENTS_FILE} with why:\n` +
        review.unacknowledged.map((change) => `  ${change}`).join('\n'),
    );
  }
  if (review.stale.length > 0) {
    console.warn(
      `\nno longer breaking, remove from ${ACKNOWLEDGEMENTS_FILE}:\n` +
        review.stale.map((change) => `  ${change}`).join('\n'),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
