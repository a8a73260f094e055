import { describe, expect, it } from 'vitest';
import { aliasConflicts, duplicateUrls, similarTopics } from '#lib/checks/across-posts.ts';
import { formatProblem } from '#lib/checks/problem.ts';

const known = new Set(['/', '/blog/2022/da/', '/rss.xml', '/favicon.svg']);

describe('similarTopics', () => {
  it('warns about spellings that differ only in case, umlauts or punctuation', () => {
    const problems = similarTopics([
      { file: 'a.mdx', tags: ['Open Source', 'Sicherheit'] },
      { file: 'b.mdx', tags: ['Open Source'] },
      { file: 'c.mdx', tags: ['open-source', 'Größe'] },
      { file: 'd.mdx', tags: ['Groesse'] },
      { file: 'e.mdx', tags: ['Größe'] },
    ]).map(formatProblem);
    expect(problems).toEqual([
      'c.mdx: Warnung: tags: Thema „open-source“ unterscheidet sich nur in der Schreibweise von „Open Source“; erwartet wird dieselbe Schreibweise',
      'd.mdx: Warnung: tags: Thema „Groesse“ unterscheidet sich nur in der Schreibweise von „Größe“; erwartet wird dieselbe Schreibweise',
    ]);
  });
  it('is silent for distinct topics', () => {
    expect(similarTopics([{ file: 'a.mdx', tags: ['A', 'B'] }, { file: 'b.mdx', tags: ['A'] }])).toEqual([]);
  });
});

describe('duplicateUrls', () => {
  it('names the other file for each post at a shared URL', () => {
    expect(
      duplicateUrls([
        { file: 'grüße.mdx', url: '/blog/2022/gruesse/' },
        { file: 'gruesse/index.mdx', url: '/blog/2022/gruesse/' },
        { file: 'anders.mdx', url: '/blog/2022/anders/' },
      ]).map(formatProblem),
    ).toEqual([
      'grüße.mdx: gleiche Adresse /blog/2022/gruesse/ wie gruesse/index.mdx; erwartet wird ein eigener Dateiname (oder ein anderes Jahr)',
      'gruesse/index.mdx: gleiche Adresse /blog/2022/gruesse/ wie grüße.mdx; erwartet wird ein eigener Dateiname (oder ein anderes Jahr)',
    ]);
  });
});

describe('aliasConflicts', () => {
  it('accepts old addresses that are free', () => {
    expect(aliasConflicts([{ file: 'a.mdx', aliases: ['/2019/alt.html', '/alt/'] }], known)).toEqual([]);
  });
  it('rejects an alias that is a page of the site, and one claimed twice', () => {
    expect(
      aliasConflicts(
        [
          { file: 'a.mdx', aliases: ['/blog/2022/da/', '/alt'] },
          { file: 'b.mdx', aliases: ['/alt/'] },
        ],
        known,
      ).map(formatProblem),
    ).toEqual([
      'a.mdx: aliases: /blog/2022/da/ ist eine bestehende Seite; erwartet wird eine alte Adresse, die es nicht mehr gibt',
      'b.mdx: aliases: /alt/ ist auch eine alte Adresse von a.mdx; erwartet wird, dass jede alte Adresse zu genau einem Beitrag führt',
      'a.mdx: aliases: /alt/ ist auch eine alte Adresse von b.mdx; erwartet wird, dass jede alte Adresse zu genau einem Beitrag führt',
    ]);
  });
});
