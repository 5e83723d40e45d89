/** Reads a required environment variable of a test worker process. */
export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`worker: ${name} is not set`);
  return value;
}

/** Keeps a worker alive until it is killed, reporting fatal errors on stderr. */
export function runForever(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error('worker failed:', error);
    process.exit(1);
  });
  setInterval(() => undefined, 60_000);
}
