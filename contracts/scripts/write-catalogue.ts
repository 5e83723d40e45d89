// Writes docs/events/catalogue.md from the contracts; a unit test keeps it current.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventCatalogue } from '../src/catalogue';
import { catalogueMarkdown } from '../src/catalogue-markdown';

const folder = join(__dirname, '..', '..', 'docs', 'events');
mkdirSync(folder, { recursive: true });
const file = join(folder, 'catalogue.md');
writeFileSync(file, catalogueMarkdown(eventCatalogue()));
console.log(`wrote ${file}`);
