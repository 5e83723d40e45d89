import { evidenceSummary } from '../library/library.fixtures';
import type { PublishedVersion } from './atom';
import { publicAnchor, publicLibraryJsonLd, publicLibraryPage } from './public-library';

const pageUrl = 'https://www.met.example/public/library';
const report: PublishedVersion = {
  itemId: 'project-project-0a1b2c',
  version: 2,
  publishedAt: '2026-11-02T10:00:00.000Z',
  content: {
    ...evidenceSummary({ kind: 'research_report', doi: '10.1177/0011128720954578' }),
    body: 'Written for colleagues: operational detail the public page never shows.',
    projectIds: ['project-0a1b2c'],
    needToKnow: ['person-sam'],
  },
};

describe('the public library page', () => {
  it('describes each published version in schema.org JSON-LD', () => {
    expect(publicLibraryJsonLd([report], { pageUrl })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      '@id': pageUrl,
      name: 'Metropolitan Police Service: published research and evidence',
      numberOfItems: 1,
      itemListElement: [
        {
          '@type': 'ListItem',
          position: 1,
          item: {
            '@type': 'Report',
            '@id': `${pageUrl}#${publicAnchor(report.itemId)}`,
            name: report.content.title,
            abstract: report.content.summary,
            datePublished: '2026-11-02T10:00:00.000Z',
            copyrightYear: 2026,
            publisher: { '@type': 'GovernmentOrganization', name: 'Metropolitan Police Service' },
            keywords: ['robbery', 'burglary', 'hot spots policing', 'micro_place'],
            sameAs: ['https://doi.org/10.1177/0011128720954578'],
            additionalProperty: [
              {
                '@type': 'PropertyValue',
                name: 'Maryland Scientific Methods Scale',
                value: 5,
                maxValue: 5,
              },
              { '@type': 'PropertyValue', name: 'Direction of effect', value: 'positive' },
            ],
          },
        },
      ],
    });
  });

  it('never shows the projects an item names, its need-to-know, its id or its body', () => {
    for (const shown of [
      JSON.stringify(publicLibraryJsonLd([report], { pageUrl })),
      publicLibraryPage([report], { pageUrl }),
    ]) {
      expect(shown).toContain(report.content.title);
      for (const hidden of ['project-0a1b2c', 'person-sam', 'Written for colleagues'])
        expect(shown).not.toContain(hidden);
    }
    // A stable anchor per item (links to it outlive a restart), and one per item.
    expect(publicAnchor('project-project-0a1b2c')).toBe('item-c22501aad23364be');
    expect(publicAnchor('project-project-0a1b2d')).not.toBe(publicAnchor('project-project-0a1b2c'));
  });

  it('escapes what an editor wrote, in the page and in its JSON-LD', () => {
    const hostile: PublishedVersion = {
      ...report,
      content: {
        ...report.content,
        title: 'Knife crime </script><script>alert(1)</script> & <b>bold</b>',
        summary: 'A "quoted" summary\u2028with a line separator',
      },
    };
    const page = publicLibraryPage([hostile], { pageUrl });
    expect(page).not.toContain('<script>alert(1)');
    expect(page).not.toContain('<b>bold</b>');
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page).toContain('Knife crime &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // The JSON-LD in the page still reads back as what the editor wrote.
    const embedded = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page)?.[1];
    const parsed = JSON.parse(embedded ?? '') as { itemListElement: { item: { name: string } }[] };
    expect(parsed.itemListElement[0]?.item.name).toBe(hostile.content.title);
  });

  it('links only to http and https, whatever an older version recorded', () => {
    const older: PublishedVersion = {
      ...report,
      content: { ...evidenceSummary(), url: 'javascript:alert(document.domain)' },
    };
    for (const shown of [
      JSON.stringify(publicLibraryJsonLd([older], { pageUrl })),
      publicLibraryPage([older], { pageUrl }),
    ])
      expect(shown).not.toContain('javascript:');
    const linked = { ...older, content: { ...older.content, url: 'https://example.org/report' } };
    expect(publicLibraryPage([linked], { pageUrl })).toContain(
      '<a href="https://example.org/report">',
    );
  });

  it('says so when nothing has been published', () => {
    expect(publicLibraryPage([], { pageUrl })).toContain('Nothing has been published yet.');
    expect(publicLibraryJsonLd([], { pageUrl })).toMatchObject({ numberOfItems: 0 });
  });
});
