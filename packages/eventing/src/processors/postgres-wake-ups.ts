import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { SqlClient } from '../sql/sql-client';
import { appendSignalFor } from './wake-signal';

export interface PostgresWakeUpOptions {
  /** The database the client's log is in (the listener needs a connection of its own). */
  readonly url: string;
  /** One channel per log, e.g. `ebp_appended_<schema>`: every instance of a service shares it. */
  readonly channel: string;
  /** The first pause before reconnecting a lost listener; it doubles up to 30 s. */
  readonly reconnectMs?: number;
}

export interface PostgresWakeUps {
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Carries the appends to the log behind `sql` between processes with LISTEN/NOTIFY. After an append
 * commits here, one `pg_notify` is sent (outside the append's transaction: a NOTIFY inside it would
 * serialise commits), and appends made while one is in flight are coalesced into a single next
 * one. A dedicated connection listens and raises the log's local signal when another process
 * appended; after it reconnects it raises the signal too, since it may have missed some. The
 * processors' safety poll still catches anything lost.
 */
export async function wakeUpsThroughPostgres(
  sql: SqlClient,
  options: PostgresWakeUpOptions,
): Promise<PostgresWakeUps> {
  if (!CHANNEL.test(options.channel))
    throw new Error(`Invalid channel name ${JSON.stringify(options.channel)}`);
  const appends = appendSignalFor(sql);
  // Our own notifications come back to us: this process's readers were woken already.
  const sender = randomUUID();
  let sending = false;
  let again = false;
  const notify = (): void => {
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    void sql
      .query('select pg_notify($1, $2)', [options.channel, sender])
      .catch(() => undefined)
      .finally(() => {
        sending = false;
        if (again) {
          again = false;
          notify();
        }
      });
  };
  const stopRelaying = appends.relay(notify);

  let closed = false;
  let listener: Client | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  const firstPauseMs = options.reconnectMs ?? 500;
  let pauseMs = firstPauseMs;
  const connect = async (): Promise<void> => {
    const client = new Client({ connectionString: options.url });
    client.on('notification', (message) => {
      if (message.channel === options.channel && message.payload !== sender) appends.signal.raise();
    });
    const lost = () => {
      if (listener !== client) return;
      listener = undefined;
      void client.end().catch(() => undefined);
      scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', lost);
    listener = client;
    await client.connect();
    await client.query(`listen ${options.channel}`);
    pauseMs = firstPauseMs;
  };
  const scheduleReconnect = () => {
    if (reconnectTimer || closed) return;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      connect().then(
        // Appends made while nobody listened were not heard: look once.
        () => appends.signal.raise(),
        () => {
          listener = undefined;
          pauseMs = Math.min(pauseMs * 2, 30_000);
          scheduleReconnect();
        },
      );
    }, pauseMs);
    reconnectTimer.unref();
  };
  try {
    await connect();
  } catch (error) {
    closed = true;
    if (reconnectTimer) clearTimeout(reconnectTimer);
    stopRelaying();
    const failed = listener;
    listener = undefined;
    await failed?.end().catch(() => undefined);
    throw error;
  }
  return {
    async close() {
      closed = true;
      stopRelaying();
      if (reconnectTimer) clearTimeout(reconnectTimer);
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}
