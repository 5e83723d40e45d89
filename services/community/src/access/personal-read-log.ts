import { migrate, type SqlClient } from '@ebp/eventing';
import type { ReadPurpose, RecordedField } from './person-access';

/** One read of a person's personal fields: who read whose, which fields, why, and when. */
export interface PersonalRead {
  readonly readerId: string;
  readonly subjectId: string;
  readonly fields: readonly RecordedField[];
  readonly purpose: ReadPurpose;
  readonly correlationId: string | null;
  readonly at: string;
}

interface ReadRow {
  reader_id: string;
  subject_id: string;
  fields: string[];
  purpose: string;
  correlation_id: string | null;
  read_at: Date | string;
}

/**
 * The audit log of personal reads, append-only in the service's own database. It holds ids and
 * codes, never a value that was read, so it keeps no personal data of the subject.
 */
export class PersonalReadLog {
  private constructor(private readonly sql: SqlClient) {}

  static async open(sql: SqlClient): Promise<PersonalReadLog> {
    await migrate(sql, 'community-personal-reads', [
      {
        version: 1,
        name: 'personal reads',
        sql: `
          create table community_personal_reads (
            id bigserial primary key,
            reader_id text not null,
            subject_id text not null,
            fields text[] not null,
            purpose text not null,
            correlation_id text,
            read_at timestamptz not null default now()
          );
          create index community_personal_reads_subject on community_personal_reads (subject_id, id);
        `,
      },
    ]);
    return new PersonalReadLog(sql);
  }

  async record(reads: readonly Omit<PersonalRead, 'at'>[]): Promise<void> {
    if (reads.length === 0) return;
    const values: unknown[] = [];
    const rows = reads.map((read, index) => {
      values.push(
        read.readerId,
        read.subjectId,
        [...read.fields],
        read.purpose,
        read.correlationId,
      );
      const base = index * 5;
      return `($${base + 1}, $${base + 2}, $${base + 3}::text[], $${base + 4}, $${base + 5})`;
    });
    await this.sql.query(
      `insert into community_personal_reads (reader_id, subject_id, fields, purpose, correlation_id)
       values ${rows.join(', ')}`,
      values,
    );
  }

  /** The reads of one subject's data, oldest first (for the subject, or governance). */
  async readsOf(subjectId: string): Promise<PersonalRead[]> {
    const { rows } = await this.sql.query<ReadRow>(
      `select reader_id, subject_id, fields, purpose, correlation_id, read_at
       from community_personal_reads where subject_id = $1 order by id`,
      [subjectId],
    );
    return rows.map((row) => ({
      readerId: row.reader_id,
      subjectId: row.subject_id,
      fields: row.fields as RecordedField[],
      purpose: row.purpose as ReadPurpose,
      correlationId: row.correlation_id,
      at: new Date(row.read_at).toISOString(),
    }));
  }
}
