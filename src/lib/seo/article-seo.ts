import { getImage } from 'astro:assets';
import type { ArticleEntry } from '#lib/content/collection.ts';
import { ui } from '#src/i18n/de.ts';
import { formatDate } from '#lib/site/dates.ts';
import { authorUrl } from '#lib/site/routes.ts';
import { SOCIAL_IMAGE } from '#lib/social-image/card.ts';
import { absoluteUrl, blogPostingJsonLd, cardImage, socialImagePath, type PageSeo, type SeoImage } from '#lib/seo/seo.ts';

/** Social images are shown 1200 px wide at most; a cover is scaled down to that. */
const COVER_WIDTH = SOCIAL_IMAGE.width;

/**
 * The article's social image: its cover as a JPEG (every network reads JPEG; not all read AVIF or
 * WebP) 1200 px wide, or else its generated card (src/pages/og/[...path].png.ts).
 */
export async function articleImage(entry: ArticleEntry): Promise<SeoImage> {
  const { title, date, image: cover } = entry.post.data;
  if (!cover) return cardImage(socialImagePath(entry.url), ui.seo.cardAlt(title, formatDate(date)));
  const image = await getImage({ src: cover.src, width: Math.min(COVER_WIDTH, cover.src.width), format: 'jpeg' });
  return {
    url: absoluteUrl(image.src),
    width: Number(image.attributes['width'] ?? cover.src.width),
    height: Number(image.attributes['height'] ?? cover.src.height),
    alt: cover.alt,
    type: 'image/jpeg',
  };
}

/** What an article page passes to BaseLayout: its image, dates, topics, author and `BlogPosting`. */
export async function articleSeo(entry: ArticleEntry): Promise<PageSeo> {
  const { post, author, description } = entry;
  const url = absoluteUrl(entry.url);
  const image = await articleImage(entry);
  const published = post.data.date;
  const modified = post.data.updated ?? post.data.date;
  const person = author && { name: author.data.name, url: absoluteUrl(authorUrl(author.id)) };
  return {
    image,
    article: { published, modified, tags: post.data.tags, authorUrl: person?.url },
    jsonLd: blogPostingJsonLd({
      title: post.data.title,
      description,
      url,
      published,
      modified,
      image,
      tags: post.data.tags,
      author: person,
    }),
  };
}
