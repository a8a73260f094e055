import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { assertBuilt, buildSite, readPage, textOf } from './helpers.ts';
import { readSeed } from './seed.ts';

const seed = readSeed();

describe.each(['Pacific/Kiritimati', 'America/Los_Angeles'])('a build in time zone %s', (zone) => {
  it('shows and feeds every date on its day in Berlin', async () => {
    const result = await buildSite(`tz-${zone.replace('/', '-')}`, { env: { TZ: zone } });
    assertBuilt(result);
    const home = readPage(result.outDir, '/');
    const dates = home.querySelectorAll('main article time').map((time) => [textOf(time), time.getAttribute('datetime')]);
    expect(dates).toEqual(seed.posts.map((post) => [post.date, post.date.split('.').reverse().join('-')]));

    const blaupause = home.querySelector('main article h2 a')!.getAttribute('href')!;
    expect(blaupause).toMatch(/^\/blog\/2022\//);
    expect(textOf(readPage(result.outDir, blaupause).querySelector('main time'))).toBe('12.08.2022');

    const feed = new XMLParser({ isArray: (name) => name === 'item' }).parse(readFileSync(join(result.outDir, 'rss.xml'), 'utf8'));
    const items = feed.rss.channel.item as { title: string; pubDate: string }[];
    items.slice(0, seed.posts.length).forEach((item, i) => {
      const [day, month, year] = seed.posts[i]!.date.split('.');
      const monthName = new Date(Date.UTC(2000, Number(month) - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
      expect(item.pubDate, item.title).toMatch(new RegExp(`^\\w{3}, ${day} ${monthName} ${year} `));
    });
    expect(items[0]!.pubDate).toMatch(/^Fri, 12 Aug 2022 /);
  });
});
