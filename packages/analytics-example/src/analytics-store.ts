import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { PublishedEvent } from '@ebp/contracts';

/**
 * The analysts' store: one DuckDB file with every event the platform published, one row per
 * event id. Inserting an event that is already there changes nothing, so a message delivered
 * twice (Kafka is at least once) is counted once.
 */
export class AnalyticsStore {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(path: string): Promise<AnalyticsStore> {
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(`create table if not exists events (
      id varchar primary key,
      topic varchar not null,
      type varchar not null,
      schema_version integer not null,
      stream_id varchar not null,
      stream_version integer not null,
      recorded_at timestamptz not null,
      classification varchar not null,
      data json not null
    )`);
    return new AnalyticsStore(instance, connection);
  }

  /** Adds a batch in one transaction; returns how many were new. */
  async add(topic: string, events: readonly PublishedEvent[]): Promise<number> {
    if (events.length === 0) return 0;
    const before = await this.count();
    await this.connection.run('begin transaction');
    try {
      const insert = await this.connection.prepare(
        'insert or ignore into events values ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8, $9::json)',
      );
      for (const event of events) {
        insert.bindVarchar(1, event.id);
        insert.bindVarchar(2, topic);
        insert.bindVarchar(3, event.type);
        insert.bindInteger(4, event.schemaVersion);
        insert.bindVarchar(5, event.streamId);
        insert.bindInteger(6, event.streamVersion);
        insert.bindVarchar(7, event.metadata.recordedAt);
        insert.bindVarchar(8, event.metadata.classification);
        insert.bindVarchar(9, JSON.stringify(event.data));
        await insert.run();
      }
      await this.connection.run('commit');
    } catch (error) {
      await this.connection.run('rollback');
      throw error;
    }
    return (await this.count()) - before;
  }

  async count(): Promise<number> {
    const reader = await this.connection.runAndReadAll('select count(*) as n from events');
    return Number(reader.getRowObjects()[0]?.n ?? 0);
  }

  /** Any SQL an analyst would write, e.g. `select type, count(*) from events group by type`. */
  async query(sql: string): Promise<Record<string, unknown>[]> {
    return (await this.connection.runAndReadAll(sql)).getRowObjectsJson();
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
