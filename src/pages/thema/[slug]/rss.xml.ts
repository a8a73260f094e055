import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { feedItems, topics } from '../../../lib/content.ts';
import { topicUrl } from '../../../lib/topics.ts';
import { rssItems } from '../../../lib/rss.ts';
import { site } from '../../../site.ts';
import { ui } from '../../../i18n/de.ts';

export const getStaticPaths = (async () =>
  (await topics()).map((topic) => ({ params: { slug: topic.slug }, props: { topic } }))) satisfies GetStaticPaths;

/** RSS feed of one topic: its published posts, newest first, like /rss.xml. */
export const GET: APIRoute = async ({ props }) => {
  const { topic } = props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];
  return rss({
    title: ui.feed.topicTitle(site.name, topic.name),
    description: ui.feed.topicDescription(topic.name),
    site: new URL(topicUrl(topic.slug), site.url).href,
    trailingSlash: true,
    customData: `<language>${site.feedLanguage}</language>`,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    items: rssItems(await feedItems(topic.posts)),
  });
};
