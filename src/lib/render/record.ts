import { detached, parseHtml } from '#lib/markdown/html.ts';
import { countWords, readingMinutes } from '#lib/markdown/reading-time.ts';
import { summarize } from '#lib/markdown/summary.ts';
import { teaserHtmlOf, teaserNodes } from '#lib/markdown/teaser.ts';
import { tableOfContents, type RenderedHeading, type TocEntry } from '#lib/markdown/toc.ts';
import { prepareForFeed } from '#lib/feeds/feed-html.ts';

/**
 * Everything pages, feeds and search derive from one rendered post, made from one parse of its
 * HTML. Plain data only (strings, numbers, arrays), so a later build can store and reuse it.
 */
export interface PostRecord {
  /** The article as rendered, URLs root-relative (`/blog/…`, `/_astro/…`). */
  html: string;
  /** The HTML before its `{/* more *\/}` marker, or its first paragraph. */
  teaser: string;
  /** Minutes to read the whole article, from the words of its rendered text. */
  minutes: number;
  /** Subheadings for the table of contents, from the headings `render()` reports. */
  toc: TocEntry[];
  /** The frontmatter's description, or the teaser's text shortened. */
  description: string;
  /** Teaser and article for feed readers: no marker, scoping attributes or code colours; absolute URLs. */
  feed: { teaser: string; content: string };
}

/** What rendering a post gives: its HTML and the headings `render()` reports. */
export interface RenderedPost {
  html: string;
  headings: readonly RenderedHeading[];
}

/**
 * A post's record from its rendered HTML. `link` is the article's absolute URL, on which the
 * feed HTML's URLs are made absolute; `description` is the frontmatter's, if any.
 */
export function derivePostRecord({ html, headings }: RenderedPost, link: string, description?: string): PostRecord {
  const root = parseHtml(html);
  const teaser = teaserNodes(root);
  const record = {
    html,
    // detached(): the record outlives the tree; substrings would keep the whole source alive.
    teaser: detached(teaserHtmlOf(teaser)),
    minutes: readingMinutes(countWords(root.textContent)),
    toc: tableOfContents(headings),
    description: description ?? detached(summarize(teaser.map((node) => node.textContent).join(''))),
  };
  // From here on the tree is the feed's: the teaser nodes are part of it and change with it.
  prepareForFeed(root, link);
  return { ...record, feed: { teaser: detached(teaserHtmlOf(teaser)), content: detached(root.toString()) } };
}
