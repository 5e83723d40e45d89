import type { CombinedError } from 'urql';

/** What the server said is wrong with which field (extensions.issues), by the field's path. */
export function fieldIssues(error: CombinedError | undefined): Map<string, string> {
  const issues = new Map<string, string>();
  for (const graphError of error?.graphQLErrors ?? []) {
    const list = graphError.extensions?.issues;
    if (!Array.isArray(list)) continue;
    for (const issue of list as { path?: unknown; message?: unknown }[])
      if (typeof issue.path === 'string' && typeof issue.message === 'string')
        issues.set(issue.path, issue.message);
  }
  return issues;
}
