// Writes the subgraph's SDL to schema/partners.graphql, the file the gateway composes from.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { partnersTypeDefs } from '../src/graphql/partners.schema';

const file = join(__dirname, '..', 'schema', 'partners.graphql');
writeFileSync(file, `${partnersTypeDefs.trim()}\n`);
console.log(`wrote ${file}`);
