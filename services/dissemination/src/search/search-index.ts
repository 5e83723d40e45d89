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
import {
  TERM_FACET_NAMES,
  facetIdentity,
  facetLabel,
  facetTermId,
  indexedTermsOf,
  type TermFacet,
} from './indexed-terms';
import { queryTermsOf } from './query-terms';

/**
 * 'What Works' search on PostgreSQL's own full-text search (PGlite all-in-one, PostgreSQL
 * distributed): a weighted tsvector per published item (title and tags first, then summary,
 * then body), ranked by cover density, with facets counted by SQL. See decision 0015. Crime
 * problems, interventions, methods and topics are matched through the shared vocabularies, in
 * filters, facets and the words of a query alike (decision 0025).
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
  {
    version: 4,
    name: 'terms through the shared vocabularies (decision 0025)',
    // Emptied: rebuilt from the service's log, whose items now carry methods and topics, by
    // processor v4. Each term facet keeps identities (filters) and labels (what facets show) in
    // step; key and text terms are what the words of a query are matched against.
    sql: `
      truncate dissemination_search;
      truncate dissemination_search_sources;
      alter table dissemination_search
        add column methods text[] not null default '{}',
        add column topics text[] not null default '{}',
        add column crime_problem_terms text[] not null default '{}',
        add column crime_problem_labels text[] not null default '{}',
        add column intervention_terms text[] not null default '{}',
        add column intervention_labels text[] not null default '{}',
        add column method_terms text[] not null default '{}',
        add column method_labels text[] not null default '{}',
        add column topic_terms text[] not null default '{}',
        add column topic_labels text[] not null default '{}',
        add column key_terms text[] not null default '{}',
        add column text_terms text[] not null default '{}';
      create index dissemination_search_crime_problem_terms on dissemination_search using gin (crime_problem_terms);
      create index dissemination_search_intervention_terms on dissemination_search using gin (intervention_terms);
      create index dissemination_search_method_terms on dissemination_search using gin (method_terms);
      create index dissemination_search_topic_terms on dissemination_search using gin (topic_terms);
      create index dissemination_search_key_terms on dissemination_search using gin (key_terms);
      create index dissemination_search_text_terms on dissemination_search using gin (text_terms);
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

/** Term filters match any spelling or synonym of the terms given (an item with any of them). */
export interface SearchFilters {
  readonly crimeProblems?: readonly string[];
  readonly interventions?: readonly string[];
  readonly methods?: readonly string[];
  readonly topics?: readonly string[];
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
  /** For a term facet, the term's label: every spelling of a term is counted as one value. */
  readonly value: string;
  readonly count: number;
  /** The vocabulary term's id; null for a term the vocabulary lacks and for other facets. */
  readonly termId: string | null;
}

export type FacetName = TermFacet | 'smsLevel' | 'emmieEffect' | 'ebpLevel' | 'year';

export interface SearchResult {
  readonly total: number;
  readonly hits: readonly SearchHit[];
  readonly facets: Readonly<Record<FacetName, readonly FacetCount[]>>;
}

/** The columns a term facet's identities and labels are kept in, in step. */
const TERM_COLUMNS: Readonly<Record<TermFacet, { identities: string; labels: string }>> = {
  crimeProblem: { identities: 'crime_problem_terms', labels: 'crime_problem_labels' },
  intervention: { identities: 'intervention_terms', labels: 'intervention_labels' },
  method: { identities: 'method_terms', labels: 'method_labels' },
  topic: { identities: 'topic_terms', labels: 'topic_labels' },
};

/** The filter of each term facet. */
const TERM_FILTERS: Readonly<Record<TermFacet, keyof SearchFilters>> = {
  crimeProblem: 'crimeProblems',
  intervention: 'interventions',
  method: 'methods',
  topic: 'topics',
};

/** How each other facet is counted: scalar columns grouped. */
const VALUE_FACETS: Readonly<Record<Exclude<FacetName, TermFacet>, string>> = {
  smsLevel: 'sms_level::text',
  emmieEffect: 'emmie_effect',
  ebpLevel: 'ebp_level',
  year: 'year::text',
};

/** EMMIE effect ratings, strongest first, for ordering by strength of evidence. */
const EFFECT_STRENGTH = `case emmie_effect when 'strong' then 3 when 'moderate' then 2 when 'limited' then 1 else 0 end`;

/** A query's term found in an item's summary or body counts this much of one in its title or tags. */
const TEXT_TERM_WEIGHT = 0.4;

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
      name: 'projection:dissemination-search:v4',
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
    const terms = indexedTermsOf(content);
    const { facets } = terms;
    await tx.query(
      `insert into dissemination_search as current (item_id, position, version, kind, title, summary,
         year, sms_level, emmie_effect, effect_direction, ebp_level, crime_problems, interventions,
         populations, settings, classification, need_to_know, published_at, document, project_ids,
         project_sourced, methods, topics, crime_problem_terms, crime_problem_labels,
         intervention_terms, intervention_labels, method_terms, method_labels, topic_terms,
         topic_labels, key_terms, text_terms)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
         setweight(to_tsvector('english', $5 || ' ' || $19), 'A')
         || setweight(to_tsvector('english', $6), 'B')
         || setweight(to_tsvector('english', $20), 'C'), $21, $22, $23, $24, $25, $26, $27, $28,
         $29, $30, $31, $32, $33, $34)
       on conflict (item_id) do update set position = excluded.position, withdrawn = false,
         version = excluded.version, kind = excluded.kind, title = excluded.title,
         summary = excluded.summary, year = excluded.year, sms_level = excluded.sms_level,
         emmie_effect = excluded.emmie_effect, effect_direction = excluded.effect_direction,
         ebp_level = excluded.ebp_level, crime_problems = excluded.crime_problems,
         interventions = excluded.interventions, populations = excluded.populations,
         settings = excluded.settings, classification = excluded.classification,
         need_to_know = excluded.need_to_know, published_at = excluded.published_at,
         document = excluded.document, project_ids = excluded.project_ids,
         project_sourced = excluded.project_sourced, methods = excluded.methods,
         topics = excluded.topics, crime_problem_terms = excluded.crime_problem_terms,
         crime_problem_labels = excluded.crime_problem_labels,
         intervention_terms = excluded.intervention_terms,
         intervention_labels = excluded.intervention_labels,
         method_terms = excluded.method_terms, method_labels = excluded.method_labels,
         topic_terms = excluded.topic_terms, topic_labels = excluded.topic_labels,
         key_terms = excluded.key_terms, text_terms = excluded.text_terms
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
        // Tags as tagged, and the vocabulary's labels of the listed ones: a query for a label's
        // words finds an item tagged with a synonym.
        [...Object.values(tags).flat(), terms.labels].join(' '),
        content.body ?? '',
        projectIds,
        // An item the index never saw drafted (not possible in one log) counts as the stricter kind.
        source?.project_sourced ?? true,
        tags.methods,
        tags.topics,
        facets.crimeProblem.identities,
        facets.crimeProblem.labels,
        facets.intervention.identities,
        facets.intervention.labels,
        facets.method.identities,
        facets.method.labels,
        facets.topic.identities,
        facets.topic.labels,
        terms.keyTerms,
        terms.textTerms,
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
    for (const facet of TERM_FACET_NAMES) {
      // Any spelling or synonym of the terms given; a value with no letter or digit names none.
      const identities = (filters[TERM_FILTERS[facet]] as readonly string[] | undefined)
        ?.map((value) => facetIdentity(facet, value))
        .filter((identity) => identity !== '');
      if (identities?.length)
        conditions.add((p) => `${TERM_COLUMNS[facet].identities} && ${p}::text[]`, identities);
    }
    any('sms_level', filters.smsLevels, 'integer');
    any('emmie_effect', filters.emmieEffects, 'text');
    any('ebp_level', filters.ebpLevels, 'text');
    any('year', filters.years, 'integer');
    any('kind', filters.kinds, 'text');
  }

  /**
   * The words of a query as a condition and a rank: the terms they name (any spelling or
   * synonym) count in full in an item's tags or title and less in its summary or body; the other
   * words go to full-text search. Items with every term and every word rank above the rest.
   */
  private matchingText(query: string, conditions: Conditions): string {
    const asked = queryTermsOf(query);
    const matches: string[] = [];
    const ranks: string[] = [];
    const everything: string[] = [];
    if (asked.identities.length > 0) {
      conditions.params.push([...asked.identities]);
      const terms = `$${conditions.params.length}::text[]`;
      matches.push(`key_terms && ${terms}`, `text_terms && ${terms}`);
      ranks.push(
        `(select count(*) from unnest(${terms}) asked where asked = any(key_terms))`,
        `${TEXT_TERM_WEIGHT} * (select count(*) from unnest(${terms}) asked where asked = any(text_terms))`,
      );
      everything.push(`${terms} <@ (key_terms || text_terms)`);
    }
    if (asked.text !== '') {
      conditions.params.push(asked.text);
      const strict = `websearch_to_tsquery('english', $${conditions.params.length})`;
      // Any word: the strict query's lexemes joined by OR.
      const loose = asked.advanced
        ? strict
        : `coalesce(nullif(replace(${strict}::text, ' & ', ' | '), '')::tsquery, ${strict})`;
      matches.push(`document @@ ${loose}`);
      ranks.push(`ts_rank_cd(document, ${loose}, 32)`);
      // Words that are all stop words ("of", "in") ask for nothing more.
      everything.push(`(numnode(${strict}) = 0 or document @@ ${strict})`);
    }
    if (matches.length === 0) {
      conditions.clauses.push('false');
      return '0';
    }
    conditions.clauses.push(`(${matches.join(' or ')})`);
    return [...ranks, `case when ${everything.join(' and ')} then 1 else 0 end`].join(' + ');
  }

  /**
   * Ranked search with facets. Without text, items come newest first. Plain words match items
   * with any of them, ranked so that items with all of them, in the title or tags, come first.
   */
  async search(query: SearchQuery, reader: SearchReader): Promise<SearchResult> {
    const conditions = new Conditions();
    const text = query.text?.trim() ?? '';
    const rank = text ? this.matchingText(text, conditions) : '0';
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
    for (const facet of TERM_FACET_NAMES)
      facets[facet] = await this.termFacet(facet, matched, conditions.params);
    for (const [name, expression] of Object.entries(VALUE_FACETS) as [FacetName, string][]) {
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
        termId: null,
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
   * A term facet over the matching items: one value per term, whatever spellings its items are
   * tagged with, shown by its label; most items first, then by label.
   */
  private async termFacet(
    facet: TermFacet,
    matched: string,
    params: readonly unknown[],
  ): Promise<FacetCount[]> {
    const { identities, labels } = TERM_COLUMNS[facet];
    const { rows } = await this.sql.query<{ identity: string; label: string; count: string }>(
      `select term.identity, min(term.label) as label, count(*) as count
         from (${matched}) matched,
              unnest(matched.${identities}, matched.${labels}) as term(identity, label)
        group by term.identity`,
      params,
    );
    return rows
      .map((row) => ({
        value: facetLabel(row.identity, row.label),
        count: Number(row.count),
        termId: facetTermId(row.identity),
      }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }

  /**
   * 'What works' for a crime problem: the items tagged with it (in any spelling or synonym),
   * strongest evidence first (SMS level, then the EMMIE effect rating, then the most recent).
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
