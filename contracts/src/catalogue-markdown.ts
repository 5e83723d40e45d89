import { DELIVERY_GUARANTEES, type CatalogueTopic } from './catalogue';

/** The catalogue as one Markdown page for analysts: guarantees, topics, then every event. */
export function catalogueMarkdown(catalogue: readonly CatalogueTopic[]): string {
  const lines = [
    '# Event catalogue',
    '',
    'Generated from `contracts/` by `npm run catalogue -w @ebp/contracts`; do not edit by hand.',
    'The consumer guide is `docs/events/consumer-guide.md`.',
    '',
    '## Guarantees on every topic',
    '',
    ...DELIVERY_GUARANTEES.map((line) => `- ${line}`),
    '',
    '## Topics',
    '',
    '| topic | producer | event types |',
    '|---|---|---:|',
    ...catalogue.map(
      (topic) => `| \`${topic.topic}\` | ${topic.producer} | ${topic.events.length} |`,
    ),
    '',
  ];
  for (const topic of catalogue) {
    lines.push(`## \`${topic.topic}\``, '', topic.description, '');
    for (const event of topic.events)
      lines.push(
        `### \`${event.type}\` (version ${event.version})`,
        '',
        '<details><summary>JSON Schema of <code>data</code></summary>',
        '',
        '```json',
        JSON.stringify(event.schema, null, 2),
        '```',
        '',
        '</details>',
        '',
        'Example `data`:',
        '',
        '```json',
        JSON.stringify(event.example, null, 2),
        '```',
        '',
      );
  }
  return lines.join('\n');
}
