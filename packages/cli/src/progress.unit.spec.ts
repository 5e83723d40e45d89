// The `ebp` tools' progress: a cli-progress bar on a terminal, a line every tenth elsewhere.
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { progressDisplay } from './progress';

/** A stream that keeps what is written to it, a terminal or not. */
function capture(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  Object.assign(stream, { isTTY, columns: 120 });
  return {
    stream: stream as unknown as NodeJS.WriteStream,
    // eslint-disable-next-line no-control-regex -- terminal control sequences are what is stripped
    text: () => chunks.join('').replace(/\x1b(\[[0-9;?]*[A-Za-z]|[78])/g, ''),
  };
}

describe('progress on a log or a pipe', () => {
  it('writes a line at each tenth, not at every event', () => {
    const { stream, text } = capture(false);
    const display = progressDisplay(stream, 'rebuilding register-projects');
    for (let read = 0; read <= 2_000; read += 1) display.update({ read, total: 2_000 });
    display.stop();
    const lines = text().trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('rebuilding register-projects: 0% (0/2,000 events)');
    expect(lines[10]).toBe('rebuilding register-projects: 100% (2,000/2,000 events)');
  });

  it('says an empty log is done', () => {
    const { stream, text } = capture(false);
    progressDisplay(stream, 'replaying the register to 2026-03-31').update({ read: 0, total: 0 });
    expect(text()).toBe('replaying the register to 2026-03-31: 100% (0/0 events)\n');
  });
});

describe('progress on a terminal', () => {
  it('draws a bar that ends on a new line when complete, and then stops redrawing', async () => {
    const { stream, text } = capture(true);
    const display = progressDisplay(stream, 'rebuilding register-projects');
    display.update({ read: 0, total: 6 });
    display.update({ read: 3, total: 6 });
    display.update({ read: 6, total: 6 });
    const drawn = text();
    expect(drawn).toContain('rebuilding register-projects [');
    expect(drawn).toMatch(/\[#{30}\] 100% 6\/6 events\n$/);
    await sleep(250);
    display.stop();
    expect(text()).toBe(drawn);
  });

  it('ends an unfinished bar when stopped (a failed replay), leaving no timer behind', async () => {
    const { stream, text } = capture(true);
    const display = progressDisplay(stream, 'replaying the register to 2026-03-31');
    display.update({ read: 1_500, total: 3_000 });
    display.stop();
    const drawn = text();
    expect(drawn).toMatch(/\[#{15}\.{15}\] 50% 1,500\/3,000 events\n$/);
    await sleep(250);
    expect(text()).toBe(drawn);
  });
});
