import { atomFeed, escapeXml } from '../feeds/atom';
import { evidenceSummary } from '../library/library.fixtures';
import { csvRows, formatFor, scholarlyArticle } from './formats';

const emmie = { evidence: 'moderate', quality: 'strong' } as const;
const item = {
  itemId: 'hot-spots',
  version: 2,
  publishedAt: '2026-11-26T10:00:00.000Z',
  content: evidenceSummary({
    title: 'Hot spots & "harm": <what> works',
    summary: 'Patrols, lighting, and "guardians"; line one\nline two, in one field.',
    doi: '10.1177/0011128720954578',
    evidence: {
      smsLevel: 4,
      emmie: {
        effect: emmie,
        mechanism: emmie,
        moderators: emmie,
        implementation: emmie,
        economicCost: emmie,
      },
    },
  }),
};
const itemUrl = (id: string) => `https://ebp.example/library/${id}`;

describe('delivery formats', () => {
  it('describes an item as a schema.org ScholarlyArticle', () => {
    expect(scholarlyArticle(item, itemUrl(item.itemId))).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      '@id': 'urn:ebp:library:hot-spots:v2',
      name: item.content.title,
      abstract: item.content.summary,
      version: '2',
      datePublished: item.publishedAt,
      keywords: ['robbery', 'burglary', 'hot spots policing', 'micro_place'],
      sameAs: 'https://doi.org/10.1177/0011128720954578',
      additionalProperty: [
        { propertyID: 'Maryland Scientific Methods Scale', value: 4 },
        { propertyID: 'EMMIE effect evidence', value: 'moderate' },
      ],
    });
  });

  it.each([
    ['its own https link', 'https://www.repository.cam.ac.uk/items/hot-spots', true],
    // Recorded before links had to be http or https (issue 17): the item's page goes instead.
    ['never a javascript: link recorded before the rule', 'javascript:alert(1)', false],
  ])('links to %s', (_name, url, kept) => {
    const linked = { ...item, content: { ...item.content, url } };
    const expected = kept ? url : itemUrl(item.itemId);
    expect(scholarlyArticle(linked, itemUrl(item.itemId))).toMatchObject({ url: expected });
    expect(csvRows([linked], itemUrl)).toContain(`"${expected}"`);
    expect(csvRows([linked], itemUrl)).not.toContain(kept ? 'javascript:' : url);
  });

  it('writes CSV that a spreadsheet reads back: every field quoted, quotes doubled, one row per item', () => {
    const csv = csvRows([item], itemUrl);
    const [header, row, end] = csv.split('\r\n');
    expect(header).toBe(
      'item_id,version,title,summary,kind,year,sms_level,emmie_effect,effect_direction,crime_problems,interventions,doi,url,published_at',
    );
    expect(row).toContain('"Hot spots & ""harm"": <what> works"');
    expect(row).toContain(
      '"Patrols, lighting, and ""guardians""; line one\nline two, in one field."',
    );
    expect(row).toContain('"robbery; burglary"');
    expect(end).toBe('');
  });

  it('escapes text in Atom entries and feeds, and drops characters XML cannot carry', () => {
    expect(escapeXml('a < b & "c" > \'d\'\u0001')).toBe(
      'a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;',
    );
    const entry = formatFor('atom', item, itemUrl);
    expect(entry.contentType).toBe('application/atom+xml; type=entry');
    expect(entry.body).toContain(
      '<title>Hot spots &amp; &quot;harm&quot;: &lt;what&gt; works</title>',
    );
    expect(entry.body).toContain('<id>urn:ebp:library:hot-spots:v2</id>');
    expect(entry.body).toContain('<category scheme="urn:ebp:crime-problem" term="robbery"/>');
    const feed = atomFeed({
      feedUrl: 'https://ebp.example/feeds/library.atom',
      items: [item],
      itemUrl,
      now: new Date('2026-11-27T00:00:00Z'),
    });
    expect(feed).toContain('<updated>2026-11-26T10:00:00.000Z</updated>');
    expect(feed.match(/<entry>/g)).toHaveLength(1);
  });
});
