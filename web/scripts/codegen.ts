// Writes src/graphql/generated.ts: the page's queries, typed from the gateway's API schema.
// With --check it writes nothing and fails when the file is not what it would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { GENERATED, generateOperations } from './operations-codegen';

const check = process.argv.includes('--check');
generateOperations().then(
  (source) => {
    if (!check) {
      writeFileSync(GENERATED, source);
      console.log(`wrote ${GENERATED}`);
    } else if (readFileSync(GENERATED, 'utf8') !== source) {
      console.error(`${GENERATED} is out of date: run npm run codegen -w @ebp/web`);
      process.exit(1);
    } else console.log(`${GENERATED} is up to date`);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
