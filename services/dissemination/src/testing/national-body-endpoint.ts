// A stand-in for a national body's endpoint (a system we do not run): a real HTTP server that
// keeps one copy per Idempotency-Key, as the real services promise to. For tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedDelivery {
  readonly idempotencyKey: string;
  readonly contentType: string;
  readonly body: string;
}

/** How an endpoint answers a delivery it accepts, or why it refuses one. */
export type Answer =
  | { readonly status: 201; readonly reference: string }
  | { readonly status: 202 }
  | { readonly status: 422; readonly detail: string };

export class NationalBodyEndpoint {
  /** Every request that reached the endpoint, in order (duplicates included). */
  readonly requests: ReceivedDelivery[] = [];
  /** What the endpoint kept: one per Idempotency-Key. */
  readonly kept = new Map<string, ReceivedDelivery>();
  private server: Server | undefined;

  private constructor(
    readonly port: number,
    private readonly answer: (delivery: ReceivedDelivery) => Answer,
  ) {}

  /** An endpoint on a port of its own; `down` leaves the port closed until `up()`. */
  static async open(
    answer: (delivery: ReceivedDelivery) => Answer,
    options: { readonly down?: boolean } = {},
  ): Promise<NationalBodyEndpoint> {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const endpoint = new NationalBodyEndpoint(port, answer);
    if (!options.down) await endpoint.up();
    return endpoint;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/deliveries`;
  }

  async up(): Promise<void> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** Requests that carried this key (a resent delivery has the same key). */
  requestsFor(idempotencyKey: string): ReceivedDelivery[] {
    return this.requests.filter((request) => request.idempotencyKey === idempotencyKey);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const delivery: ReceivedDelivery = {
      idempotencyKey: String(request.headers['idempotency-key'] ?? ''),
      contentType: String(request.headers['content-type'] ?? ''),
      body: Buffer.concat(chunks).toString('utf8'),
    };
    this.requests.push(delivery);
    const answer = this.answer(delivery);
    if (answer.status === 422) {
      response.writeHead(422, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ title: 'Unprocessable', status: 422, detail: answer.detail }));
      return;
    }
    if (!this.kept.has(delivery.idempotencyKey)) this.kept.set(delivery.idempotencyKey, delivery);
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(answer.status === 201 ? JSON.stringify({ reference: answer.reference }) : '{}');
  }
}
