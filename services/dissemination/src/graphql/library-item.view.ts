import type { dissemination } from '@ebp/contracts';
import type { VisibleLibraryItem } from '../access/item-visibility';
import type { LibraryItemStatus } from '../application/dissemination-application';
import type { DeliveryEntry, KeptTags } from '../projections/dissemination-read-models';

/**
 * A library item as the graph shows it to this caller: editors also see the working copy. The
 * project references the caller may not see were left out before it got here.
 */
export function toLibraryItem({ entry, editor }: VisibleLibraryItem) {
  const content = entry.published?.content ?? entry.draft;
  return {
    id: entry.itemId,
    status: entry.status satisfies LibraryItemStatus,
    kind: content.kind,
    title: content.title,
    summary: content.summary,
    body: content.body ?? null,
    year: content.year,
    evidence: { ...content.evidence, emmieEffect: content.evidence.emmie?.effect.evidence ?? null },
    tags: tagsOf(content.tags),
    doi: content.doi ?? null,
    url: content.url ?? null,
    classification: content.classification,
    projectIds: content.projectIds,
    version: entry.published?.version ?? null,
    publishedAt: entry.published?.publishedAt ?? null,
    source: entry.source,
    draft: editor ? entry.draft : null,
    unpublishedChanges: editor ? entry.unpublishedChanges : null,
    releases: editor ? entry.releases : [],
  };
}

function tagsOf(kept: KeptTags): dissemination.LibraryTags {
  return { ...kept, methods: kept.methods ?? [], topics: kept.topics ?? [] };
}

export const toDelivery = (entry: DeliveryEntry) => ({ ...entry, id: entry.deliveryId });
