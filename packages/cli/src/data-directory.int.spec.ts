import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAllInOne } from './all-in-one';
import {
  EarlierDataLayout,
  assertCurrentLayout,
  embeddedDatabaseDirectory,
  freshDataDirectory,
} from './data-directory';

describe('the all-in-one data directory', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ebp-layout-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** What an earlier version left: one PGlite directory per service. */
  function earlierLayout(...services: string[]): void {
    for (const service of services) {
      mkdirSync(join(dataDir, service), { recursive: true });
      writeFileSync(join(dataDir, service, 'PG_VERSION'), '17\n');
    }
  }

  it('is fresh until the one embedded database or an earlier layout is there', () => {
    expect(freshDataDirectory(dataDir)).toBe(true);
    mkdirSync(embeddedDatabaseDirectory(dataDir), { recursive: true });
    writeFileSync(join(embeddedDatabaseDirectory(dataDir), 'PG_VERSION'), '17\n');
    expect(freshDataDirectory(dataDir)).toBe(false);
    expect(() => assertCurrentLayout(dataDir)).not.toThrow();
  });

  it('refuses the earlier layout, naming its directories and what to do', () => {
    earlierLayout('register', 'partners');
    expect(freshDataDirectory(dataDir)).toBe(false);
    let refused: unknown;
    try {
      assertCurrentLayout(dataDir);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(EarlierDataLayout);
    expect(refused).toMatchObject({ code: 'EARLIER_DATA_LAYOUT' });
    const message = (refused as Error).message;
    expect(message).toContain(join(dataDir, 'register'));
    expect(message).toContain(join(dataDir, 'partners'));
    expect(message).toContain('ebp events export');
    expect(message).toContain('EBP_DATA_DIR');
  });

  it('stops the platform’s start on the earlier layout and lets go of the directory', async () => {
    earlierLayout('community');
    await expect(startAllInOne({ dataDir, port: 0 })).rejects.toMatchObject({
      code: 'EARLIER_DATA_LAYOUT',
    });
    expect(existsSync(join(dataDir, 'ebp.lock'))).toBe(false);
    expect(existsSync(embeddedDatabaseDirectory(dataDir))).toBe(false);
  });
});
