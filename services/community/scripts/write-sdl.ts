// Writes the subgraph's SDL to schema/community.graphql, the file the gateway composes from.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { communityTypeDefs } from '../src/graphql/community.schema';

const file = join(__dirname, '..', 'schema', 'community.graphql');
writeFileSync(file, `${communityTypeDefs.trim()}\n`);
console.log(`wrote ${file}`);
