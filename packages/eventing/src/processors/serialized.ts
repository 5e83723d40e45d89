/** Runs `work` one call at a time: concurrent callers queue behind the one in progress. */
export function serialized(work: () => Promise<void>): () => Promise<void> {
  let tail: Promise<void> = Promise.resolve();
  return () => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
