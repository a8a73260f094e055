import { describe, expect, it } from 'vitest';
import { groupByTopic, topicFeedUrl, topicLinks, topicUrl } from '#lib/content/topics.ts';

const post = (id: string, tags: string[]) => ({ id, tags });

describe('groupByTopic', () => {
  it('groups posts by topic slug, keeps post order, sorts topics by German name', () => {
    const posts = [post('a', ['Sicherheit', 'Open Source']), post('b', ['open-source']), post('c', ['Äpfel', 'Zugänge']), post('d', [])];
    const topics = groupByTopic(posts, (p) => p.tags);
    expect(topics.map((t) => [t.slug, t.name, t.posts.map((p) => p.id)])).toEqual([
      ['aepfel', 'Äpfel', ['c']],
      ['open-source', 'open-source', ['a', 'b']], // a tie: the older post's spelling
      ['sicherheit', 'Sicherheit', ['a']],
      ['zugaenge', 'Zugänge', ['c']],
    ]);
  });
  it('names a topic as most posts spell it, so one new post with a typo does not rename it', () => {
    const topics = groupByTopic([post('new', ['sicherheit']), post('b', ['Sicherheit']), post('c', ['Sicherheit'])], (p) => p.tags);
    expect(topics.map((t) => t.name)).toEqual(['Sicherheit']);
    const tie = groupByTopic([post('new', ['sicherheit']), post('old', ['Sicherheit'])], (p) => p.tags);
    expect(tie.map((t) => t.name)).toEqual(['Sicherheit']);
  });
  it('counts a post once even if it names a topic twice', () => {
    const topics = groupByTopic([post('a', ['Größe', 'groesse'])], (p) => p.tags);
    expect(topics).toHaveLength(1);
    expect(topics[0]!.posts).toHaveLength(1);
  });
  it('gives no topics for no posts', () => {
    expect(groupByTopic([], () => [])).toEqual([]);
  });
});

describe('topic URLs', () => {
  it.each([
    [['sicherheit', 1], '/thema/sicherheit/'],
    [['sicherheit', 2], '/thema/sicherheit/seite/2/'],
    [['open-source', 10], '/thema/open-source/seite/10/'],
  ] as const)('topicUrl(%j) → %s', ([slug, n], url) => {
    expect(topicUrl(slug, n)).toBe(url);
  });
  it('has a feed per topic', () => {
    expect(topicFeedUrl('sicherheit')).toBe('/thema/sicherheit/rss.xml');
  });
  it('links the topics of a post, once per slug', () => {
    expect(topicLinks(['Straße', 'strasse', 'IT-Sicherheit'])).toEqual([
      { slug: 'strasse', name: 'strasse', url: '/thema/strasse/' },
      { slug: 'it-sicherheit', name: 'IT-Sicherheit', url: '/thema/it-sicherheit/' },
    ]);
  });
});
