import {
  EventProcessor,
  migrate,
  type EventStore,
  type SqlCheckpointStore,
  type SqlClient,
  type SqlExecutor,
  type StoredEvent,
} from '@ebp/eventing';
import { isProjectSourced } from '../access/library-access';
import type { DisseminationEvent } from '../dissemination-events';

/**
 * 'What Works' search on PostgreSQL's own full-text search (PGlite all-in-one, PostgreSQL
 * distributed): a weighted tsvector per published item (title and tags first, then summary,
 * then body), ranked by cover density, with facets counted by SQL. See decision 0015.
 */
const MIGRATIONS = [
  {
    version: 1,
    name: 'library search index',
    sql: `
      create table dissemination_search (
        item_id text primary key,
        position text not null,
        withdrawn boolean not null default false,
        version integer not null,
        kind text not null,
        title text not null,
        summary text not null,
        year integer not null,
        sms_level integer,
        emmie_effect text,
        effect_direction text,
        ebp_level text,
        crime_problems text[] not null,
        interventions text[] not null,
        populations text[] not null,
        settings text[] not null,
        classification text not null,
        need_to_know text[] not null,
        published_at timestamptz not null,
        document tsvector not null
      );
      create index dissemination_search_document on dissemination_search using gin (document);
      create index dissemination_search_crime_problems on dissemination_search using gin (crime_problems);
    `,
  },
  {
    version: 2,
    name: 'the register projects each item names, and where each item came from',
    // Emptied: the index is rebuilt from the service's log by its next processor (v2), which
    // also records each item's source from its draft.
    sql: `
      truncate dissemination_search;
      alter table dissemination_search
        add column project_ids text[] not null default '{}',
        add column project_sourced boolean not null default false;
      create index dissemination_search_project_ids on dissemination_search using gin (project_ids);
      create table dissemination_search_sources (
        item_id text primary key,
        project_sourced boolean not null,
        source_project_id text
      );
    `,
  },
  {
    version: 3,
    name: 'enumerated values respelt (decision 0023)',
    // Emptied: rebuilt from the service's log, upcast to today's spelling, by processor v3.
    sql: `
      truncate dissemination_search;
      truncate dissemination_search_sources;
    `,
  },
];

/**
 * Who is searching, for the library's access rule (`mayReadVersion`) in SQL: OFFICIAL-SENSITIVE
 * items show only to cleared readers who need to know and to the committee and administrators;
 * items bound to a project the reader may not see are left out.
 */
export interface SearchReader {
  /** A member of staff with OFFICIAL-SENSITIVE clearance. */
  readonly cleared: boolean;
  /** Counts on items' need-to-know lists ('' unless cleared). */
  readonly personId: string;
  /** The EBP Committee and administrators (cleared). */
  readonly seesAllSensitive: boolean;
  /** The register projects, of those indexed items name, that the reader may not see. */
  readonly hiddenProjects: readonly string[];
}

export interface SearchFilters {
  readonly crimeProblems?: readonly string[];
  readonly interventions?: readonly string[];
  readonly smsLevels?: readonly number[];
  readonly emmieEffects?: readonly string[];
  readonly ebpLevels?: readonly string[];
  readonly years?: readonly number[];
  readonly kinds?: readonly string[];
}

export interface SearchQuery {
  readonly text?: string;
  readonly filters?: SearchFilters;
  readonly limit?: number;
  readonly offset?: number;
}

export interface SearchHit {
  readonly itemId: string;
  readonly title: string;
  readonly summary: string;
  readonly kind: string;
  readonly year: number;
  readonly smsLevel: number | null;
  readonly emmieEffect: string | null;
  readonly effectDirection: string | null;
  readonly score: number;
}

export interface FacetCount {
  readonly value: string;
  readonly count: number;
}

export type FacetName =
  'crimeProblem' | 'intervention' | 'smsLevel' | 'emmieEffect' | 'ebpLevel' | 'year';

export interface SearchResult {
  readonly total: number;
  readonly hits: readonly SearchHit[];
  readonly facets: Readonly<Record<FacetName, readonly FacetCount[]>>;
}

/** How each facet is counted: array columns are unnested, scalar ones grouped. */
const FACETS: Readonly<Record<FacetName, string>> = {
  crimeProblem: 'unnest(crime_problems)',
  intervention: 'unnest(interventions)',
  smsLevel: 'sms_level::text',
  emmieEffect: 'emmie_effect',
  ebpLevel: 'ebp_level',
  year: 'year::text',
};

/** EMMIE effect ratings, strongest first, for ordering by strength of evidence. */
const EFFECT_STRENGTH = `case emmie_effect when 'strong' then 3 when 'moderate' then 2 when 'limited' then 1 else 0 end`;

/** Quotes, a leading - or OR ask for websearch syntax as typed; plain words match any of them. */
const ADVANCED_SYNTAX = /["]|(^|\s)-|\bor\b/i;

interface HitRow {
  item_id: string;
  title: string;
  summary: string;
  kind: string;
  year: number;
  sms_level: number | null;
  emmie_effect: string | null;
  effect_direction: string | null;
  score?: number;
}

const HIT_COLUMNS =
  'item_id, title, summary, kind, year, sms_level, emmie_effect, effect_direction';

const toHit = (row: HitRow): SearchHit => ({
  itemId: row.item_id,
  title: row.title,
  summary: row.summary,
  kind: row.kind,
  year: Number(row.year),
  smsLevel: row.sms_level === null ? null : Number(row.sms_level),
  emmieEffect: row.emmie_effect,
  effectDirection: row.effect_direction,
  score: Number(row.score ?? 0),
});

class Conditions {
  readonly clauses: string[] = [];
  readonly params: unknown[] = [];

  add(sql: (placeholder: string) => string, value: unknown): void {
    this.params.push(value);
    this.clauses.push(sql(`$${this.params.length}`));
  }

  get where(): string {
    return this.clauses.length ? `where ${this.clauses.join(' and ')}` : '';
  }
}

export class LibrarySearchIndex {
  private constructor(private readonly sql: SqlClient) {}

  static async open(sql: SqlClient): Promise<LibrarySearchIndex> {
    await migrate(sql, 'dissemination-search', MIGRATIONS);
    return new LibrarySearchIndex(sql);
  }

  /** The index as a checkpointed projection of the service's own log. */
  processor(store: EventStore, checkpoints: SqlCheckpointStore): EventProcessor {
    return new EventProcessor(store, checkpoints, {
      name: 'projection:dissemination-search:v3',
      handle: (events) => this.apply(events),
    });
  }

  /**
   * Applies drafted (their source), published and withdrawn items; a row only moves forward in
   * the log (idempotent).
   */
  async apply(events: readonly StoredEvent[]): Promise<void> {
    const relevant = events.filter(
      (event) =>
        event.type === 'dissemination.library.item-drafted' ||
        event.type === 'dissemination.library.item-published' ||
        event.type === 'dissemination.library.item-withdrawn',
    );
    if (relevant.length === 0) return;
    await this.sql.transaction(async (tx) => {
      for (const stored of relevant) await this.applyOne(tx, stored);
    });
  }

  private async applyOne(tx: SqlExecutor, stored: StoredEvent): Promise<void> {
    const event = stored as unknown as DisseminationEvent<'library.'>;
    if (event.type === 'dissemination.library.item-drafted') {
      const { source } = event.data;
      await tx.query(
        `insert into dissemination_search_sources (item_id, project_sourced, source_project_id)
         values ($1, $2, $3) on conflict (item_id) do nothing`,
        [
          event.data.itemId,
          isProjectSourced(source),
          source.kind === 'project' ? source.projectId : null,
        ],
      );
      return;
    }
    if (event.type === 'dissemination.library.item-withdrawn') {
      await tx.query(
        `update dissemination_search set withdrawn = true, position = $2
          where item_id = $1 and position < $2`,
        [event.data.itemId, stored.position],
      );
      return;
    }
    if (event.type !== 'dissemination.library.item-published') return;
    const { itemId, version, content } = event.data;
    const tags = content.tags;
    const { rows: sources } = await tx.query<{
      project_sourced: boolean;
      source_project_id: string | null;
    }>(
      'select project_sourced, source_project_id from dissemination_search_sources where item_id = $1',
      [itemId],
    );
    const source = sources[0];
    const projectIds = [
      ...new Set([
        ...(source?.source_project_id ? [source.source_project_id] : []),
        ...content.projectIds,
      ]),
    ];
    await tx.query(
      `insert into dissemination_search as current (item_id, position, version, kind, title, summary,
         year, sms_level, emmie_effect, effect_direction, ebp_level, crime_problems, interventions,
         populations, settings, classification, need_to_know, published_at, document, project_ids,
         project_sourced)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
         setweight(to_tsvector('english', $5 || ' ' || $19), 'A')
         || setweight(to_tsvector('english', $6), 'B')
         || setweight(to_tsvector('english', $20), 'C'), $21, $22)
       on conflict (item_id) do update set position = excluded.position, withdrawn = false,
         version = excluded.version, kind = excluded.kind, title = excluded.title,
         summary = excluded.summary, year = excluded.year, sms_level = excluded.sms_level,
         emmie_effect = excluded.emmie_effect, effect_direction = excluded.effect_direction,
         ebp_level = excluded.ebp_level, crime_problems = excluded.crime_problems,
         interventions = excluded.interventions, populations = excluded.populations,
         settings = excluded.settings, classification = excluded.classification,
         need_to_know = excluded.need_to_know, published_at = excluded.published_at,
         document = excluded.document, project_ids = excluded.project_ids,
         project_sourced = excluded.project_sourced
       where current.position < excluded.position`,
      [
        itemId,
        stored.position,
        version,
        content.kind,
        content.title,
        content.summary,
        content.year,
        content.evidence.smsLevel ?? null,
        content.evidence.emmie?.effect.evidence ?? null,
        content.evidence.effectDirection ?? null,
        content.evidence.ebpLevel ?? null,
        tags.crimeProblems,
        tags.interventions,
        tags.populations,
        tags.settings,
        content.classification,
        content.needToKnow ?? [],
        stored.metadata.recordedAt,
        [...tags.crimeProblems, ...tags.interventions, ...tags.populations, ...tags.settings].join(
          ' ',
        ),
        content.body ?? '',
        projectIds,
        // An item the index never saw drafted (not possible in one log) counts as the stricter kind.
        source?.project_sourced ?? true,
      ],
    );
  }

  /** The register projects that items in the index name (to learn which the reader may see). */
  async referencedProjects(): Promise<string[]> {
    const { rows } = await this.sql.query<{ project_id: string }>(
      `select distinct unnest(project_ids) as project_id from dissemination_search
        where not withdrawn order by 1`,
    );
    return rows.map((row) => row.project_id);
  }

  /** The library's access rule (`mayReadVersion`) as a condition on rows. */
  private visibleTo(reader: SearchReader, conditions: Conditions): void {
    conditions.clauses.push('not withdrawn');
    conditions.params.push(
      [...reader.hiddenProjects],
      reader.cleared,
      reader.seesAllSensitive,
      reader.personId,
    );
    const at = conditions.params.length;
    const [hidden, cleared, seesAll, personId] = [at - 3, at - 2, at - 1, at].map((n) => `$${n}`);
    const projectsVisible = `not (project_ids && ${hidden}::text[])`;
    conditions.clauses.push(`(
      (classification = 'OFFICIAL' and (not project_sourced or ${projectsVisible}))
      or (classification = 'OFFICIAL_SENSITIVE' and ${cleared}::boolean and ${projectsVisible}
        and ((project_sourced and cardinality(project_ids) > 0) or ${seesAll}::boolean
          or ${personId}::text = any(need_to_know))))`);
  }

  private filtered(reader: SearchReader, filters: SearchFilters, conditions: Conditions): void {
    this.visibleTo(reader, conditions);
    const any = (column: string, values: readonly unknown[] | undefined, type: string) => {
      if (values?.length) conditions.add((p) => `${column} = any(${p}::${type}[])`, values);
    };
    const overlaps = (column: string, values: readonly string[] | undefined) => {
      if (values?.length)
        conditions.add(
          (p) => `${column} && ${p}::text[]`,
          values.map((value) => value.toLowerCase()),
        );
    };
    overlaps('crime_problems', filters.crimeProblems);
    overlaps('interventions', filters.interventions);
    any('sms_level', filters.smsLevels, 'integer');
    any('emmie_effect', filters.emmieEffects, 'text');
    any('ebp_level', filters.ebpLevels, 'text');
    any('year', filters.years, 'integer');
    any('kind', filters.kinds, 'text');
  }

  /**
   * Ranked search with facets. Without text, items come newest first. Plain words match items
   * with any of them, ranked so that items with all of them, in the title or tags, come first.
   */
  async search(query: SearchQuery, reader: SearchReader): Promise<SearchResult> {
    const conditions = new Conditions();
    const text = query.text?.trim() ?? '';
    let rank = '0';
    if (text) {
      conditions.params.push(text);
      const strict = `websearch_to_tsquery('english', $1)`;
      // Any word: the strict query's lexemes joined by OR.
      const loose = ADVANCED_SYNTAX.test(text)
        ? strict
        : `coalesce(nullif(replace(${strict}::text, ' & ', ' | '), '')::tsquery, ${strict})`;
      conditions.clauses.push(`document @@ ${loose}`);
      rank = `ts_rank_cd(document, ${loose}, 32) + case when document @@ ${strict} then 1 else 0 end`;
    }
    this.filtered(reader, query.filters ?? {}, conditions);
    const matched = `select *, ${rank} as score from dissemination_search ${conditions.where}`;
    const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
    const offset = Math.max(query.offset ?? 0, 0);
    const { rows } = await this.sql.query<HitRow & { total: string }>(
      `select ${HIT_COLUMNS}, score, count(*) over () as total
         from (${matched}) matched
        order by score desc, published_at desc, item_id
        limit ${limit} offset ${offset}`,
      conditions.params,
    );
    const facets = {} as Record<FacetName, FacetCount[]>;
    for (const [name, expression] of Object.entries(FACETS) as [FacetName, string][]) {
      const counted = await this.sql.query<{ value: string | null; count: string }>(
        `select value, count(*) as count
           from (select ${expression} as value from (${matched}) matched) facet
          where value is not null
          group by value order by count(*) desc, value`,
        conditions.params,
      );
      facets[name] = counted.rows.map((row) => ({
        value: String(row.value),
        count: Number(row.count),
      }));
    }
    const total = rows[0] ? Number(rows[0].total) : await this.count(matched, conditions.params);
    return {
      total,
      hits: rows.map(toHit),
      facets,
    };
  }

  private async count(matched: string, params: readonly unknown[]): Promise<number> {
    const { rows } = await this.sql.query<{ count: string }>(
      `select count(*) as count from (${matched}) matched`,
      params,
    );
    return Number(rows[0]?.count ?? 0);
  }

  /**
   * 'What works' for a crime problem: the items tagged with it, strongest evidence first (SMS
   * level, then the EMMIE effect rating, then the most recent).
   */
  async whatWorks(
    crimeProblem: string,
    reader: SearchReader,
    limit = 50,
  ): Promise<readonly SearchHit[]> {
    const conditions = new Conditions();
    this.filtered(reader, { crimeProblems: [crimeProblem] }, conditions);
    const { rows } = await this.sql.query<HitRow>(
      `select ${HIT_COLUMNS} from dissemination_search ${conditions.where}
        order by sms_level desc nulls last, ${EFFECT_STRENGTH} desc, year desc, item_id
        limit ${Math.min(Math.max(limit, 1), 200)}`,
      conditions.params,
    );
    return rows.map(toHit);
  }
}
