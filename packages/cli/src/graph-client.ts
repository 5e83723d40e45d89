export interface GraphResponse {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly {
    message: string;
    path?: readonly (string | number)[];
    extensions?: Record<string, unknown>;
  }[];
}

export class GraphRequestFailed extends Error {
  constructor(readonly errors: GraphResponse['errors']) {
    super(
      (errors ?? [])
        .map((error) => {
          const code = error.extensions?.code;
          return `${typeof code === 'string' ? code : 'ERROR'}: ${error.message}`;
        })
        .join('; '),
    );
  }
}

/** A minimal GraphQL-over-HTTP client for the gateway, as a script or test would use it. */
export class GraphClient {
  constructor(
    readonly url: string,
    private readonly token: string | null,
  ) {}

  async request(query: string, variables: Record<string, unknown> = {}): Promise<GraphResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const response = await fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphResponse;
  }

  /** The data, or an error listing every GraphQL error's code and message. */
  async must<Data = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Data> {
    const result = await this.request(query, variables);
    if (result.errors?.length || !result.data) throw new GraphRequestFailed(result.errors);
    return result.data as Data;
  }
}

/** Asks the all-in-one development issuer for a demo user's token. */
export async function developmentToken(devUrl: string, user: string): Promise<string> {
  const response = await fetch(`${devUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  if (!response.ok) throw new Error(`No token for ${user}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}
