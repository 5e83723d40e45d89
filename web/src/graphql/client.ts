import { Client, cacheExchange, fetchExchange } from 'urql';

/** One client per signed-in user: a new user never sees another's cached answers. */
export function graphClient(token: string | null): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    fetchOptions: (): RequestInit =>
      token ? { headers: { authorization: `Bearer ${token}` } } : {},
    requestPolicy: 'cache-and-network',
    // POST with a JSON body: the gateway refuses simple GETs as possible cross-site forgeries.
    preferGetMethod: false,
  });
}
