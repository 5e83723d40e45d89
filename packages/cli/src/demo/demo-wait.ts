/** How long the demo waits for a service to follow another before it gives up. */
const PATIENCE_MS = 60_000;

/**
 * Polls until `read` gives a value `ready` accepts: services follow each other's events in the
 * background (the library drafts completed projects, the register follows collaborations).
 */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  ready: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const value = await read();
    if (ready(value)) return value;
    if (Date.now() > deadline) throw new Error(`Demo data: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls until `found` answers true. */
export async function untilFound(what: string, found: () => Promise<boolean>): Promise<void> {
  await until(what, found, (answer) => answer);
}
