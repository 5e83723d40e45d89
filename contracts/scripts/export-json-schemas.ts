// Writes every published JSON Schema to contracts/schemas/<name>.schema.json for consumers.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishedJsonSchemas } from '../src/json-schema';

const outDir = join(__dirname, '..', 'schemas');
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(publishedJsonSchemas())) {
  const file = join(outDir, `${name}.schema.json`);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
