// What `ebp start` prints: every address people and partner systems use, at the one origin.
import {
  JWKS_PATH,
  LIBRARY_FEED_PATH,
  PARTNER_WEBHOOK_PATH,
  PUBLIC_LIBRARY_PATHS,
} from '@ebp/gateway';

/** A URL as a person would type it: loopback and every-interface addresses as localhost. */
export const forPeople = (url: string) =>
  url.replace(/^(https?:\/\/)(127\.0\.0\.1|0\.0\.0\.0|\[::1?\])(?=[:/]|$)/, '$1localhost');

/** Everything at the gateway's one origin, then what the run mode adds. */
export function startBanner(
  mode: string,
  platform: { readonly origin: string; readonly publicUrl: string; readonly devUrl?: string },
  options: { readonly webPage?: boolean; readonly extra?: readonly string[] } = {},
): string {
  const origin = forPeople(platform.origin);
  const graph = `${origin}/graphql`;
  const dev = platform.devUrl ? forPeople(platform.devUrl) : undefined;
  return [
    '',
    `EBP Platform is running (${mode}) at ${origin}`,
    ...(options.webPage === undefined
      ? []
      : [
          options.webPage
            ? `  Web page     ${origin}/`
            : '  Web page     not built (npm run build -w @ebp/web)',
        ]),
    `  GraphQL      ${graph}`,
    `  Library feed ${origin}${LIBRARY_FEED_PATH}`,
    `  Public page  ${PUBLIC_LIBRARY_PATHS.map((path) => `${origin}${path}`).join(', ')} (no token)`,
    `  Webhook      POST ${origin}${PARTNER_WEBHOOK_PATH.replace(':organisationId', '<organisation>')} (Standard Webhooks)`,
    `  JWKS         ${origin}${JWKS_PATH}`,
    `  Health       ${origin}/health/live, ${origin}/health/ready`,
    `  Links to     ${platform.publicUrl} (in the feed and deliveries; EBP_PUBLIC_URL)`,
    ...(dev
      ? [
          `  Demo users   curl ${dev}/users`,
          `  A token      curl -X POST ${dev}/token -H 'content-type: application/json' -d '{"user":"rae"}'`,
          `  Then         curl ${graph} -H "authorization: Bearer <token>" -H 'content-type: application/json' \\`,
          `                 -d '{"query":"{ researchProjects { total items { id title status } } }"}'`,
        ]
      : []),
    ...(options.extra ?? []),
    '  Stop with Ctrl+C.',
    '',
  ].join('\n');
}
