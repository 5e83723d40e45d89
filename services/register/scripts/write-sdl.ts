// Writes the subgraph's SDL to schema/register.graphql, the file the gateway composes from.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { registerTypeDefs } from '../src/graphql/register.schema';

const file = join(__dirname, '..', 'schema', 'register.graphql');
writeFileSync(file, `${registerTypeDefs.trim()}\n`);
console.log(`wrote ${file}`);
