import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirectoryInUse extends Error {
  readonly code = 'DATA_DIRECTORY_IN_USE';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process at a time per data directory: two PGlite instances on one directory would corrupt
 * it. A lock left by a process that died (kill -9) is taken over.
 */
export function lockDataDirectory(directory: string): () => void {
  mkdirSync(directory, { recursive: true });
  const lockFile = join(directory, 'ebp.lock');
  try {
    const holder = Number(readFileSync(lockFile, 'utf8').trim());
    if (holder !== process.pid && Number.isInteger(holder) && holder > 0 && alive(holder))
      throw new DataDirectoryInUse(
        `${directory} is in use by process ${holder}; stop it first, or set EBP_DATA_DIR to another directory`,
      );
  } catch (error) {
    if (error instanceof DataDirectoryInUse) throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}
