// What does checking every incoming event against its contract cost? Measures parsing an event
// envelope with zod beside the baseline that every consumer pays anyway: JSON.parse of the same
// message, in the same run. Reported as a ratio, with the setup printed.
import { cpus } from 'node:os';
import { randomUUID } from 'node:crypto';
import { parseEventEnvelope } from '../src';

const MESSAGES = Number(process.env.EBP_BENCH_MESSAGES ?? 50_000);
const ROUNDS = 5;

function message(index: number): string {
  return JSON.stringify({
    id: randomUUID(),
    type: 'register.project.progress-reported',
    schemaVersion: 1,
    data: { projectId: `p-${index}`, summary: 'Fieldwork on schedule; 40 of 60 sites visited.' },
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { kind: 'person', id: `person-${index % 500}` },
      recordedAt: new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString(),
      traceContext: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
      classification: index % 10 === 0 ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
    },
  });
}

function timeMs(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const messages = Array.from({ length: MESSAGES }, (_, index) => message(index));
let sink = 0;
const baseline: number[] = [];
const validated: number[] = [];
for (let round = 0; round < ROUNDS + 1; round += 1) {
  const base = timeMs(() => {
    for (const text of messages)
      sink += (JSON.parse(text) as { schemaVersion: number }).schemaVersion;
  });
  const checked = timeMs(() => {
    for (const text of messages) sink += parseEventEnvelope(JSON.parse(text)).schemaVersion;
  });
  if (round > 0) {
    // round 0 warms the JIT and is not counted
    baseline.push(base);
    validated.push(checked);
  }
}

const rate = (ms: number) => Math.round((MESSAGES / ms) * 1000);
const baseMs = median(baseline);
const checkedMs = median(validated);
console.log('bench: event envelope validation');
console.log(
  `setup: node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? 'unknown'}), ` +
    `${MESSAGES} messages of ~${messages[0]?.length ?? 0} bytes, median of ${ROUNDS} rounds after 1 warm-up`,
);
console.log(`baseline JSON.parse:         ${rate(baseMs).toLocaleString('en-GB')} messages/s`);
console.log(`JSON.parse + zod envelope:   ${rate(checkedMs).toLocaleString('en-GB')} messages/s`);
console.log(
  `ratio (validated/baseline):  ${(rate(checkedMs) / rate(baseMs)).toFixed(2)}x throughput`,
);
if (sink === 0) console.log('(unreachable: keeps the work observable)');
