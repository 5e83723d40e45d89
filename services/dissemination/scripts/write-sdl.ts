// Writes the subgraph's SDL to schema/dissemination.graphql, the file the gateway composes from.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { disseminationTypeDefs } from '../src/graphql/dissemination.schema';

const file = join(__dirname, '..', 'schema', 'dissemination.graphql');
writeFileSync(file, `${disseminationTypeDefs.trim()}\n`);
console.log(`wrote ${file}`);
