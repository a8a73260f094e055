import type { Blog, BlogPosting, Graph, Organization, Person, WebSite, WithContext } from 'schema-dts';
import { site } from '#src/site.ts';
import { ui } from '#src/i18n/de.ts';
import { formatDate, toIsoDateTime } from '#lib/site/dates.ts';
import { SOCIAL_IMAGE, type SocialCard } from '#lib/social-image/card.ts';

// Pure builders for what a page tells search engines and social networks about itself: Open Graph
// and Twitter meta tags, and JSON-LD. Seo.astro only writes out what these return.

/** An image for `og:image`, with an absolute URL. */
export interface SeoImage {
  url: string;
  width: number;
  height: number;
  alt: string;
  /** MIME type, such as `image/png`. */
  type: string;
}

/** The facts an article adds: Open Graph's `article:*` properties. */
export interface ArticleFacts {
  published: Date;
  /** `updated ?? date` of the post. */
  modified: Date;
  tags: readonly string[];
  /** Absolute URL of the author's page, if the post names an author. */
  authorUrl?: string | undefined;
}

/** Structured data of a page: one JSON-LD object, or several as a graph. */
export type JsonLd = WithContext<BlogPosting> | Graph;

/** What a page passes to BaseLayout for its meta tags beyond title, description and canonical URL. */
export interface PageSeo {
  /** The default social image (site card) when absent. */
  image?: SeoImage | undefined;
  /** Makes the page an `og:type` article. */
  article?: ArticleFacts | undefined;
  jsonLd?: JsonLd | undefined;
}

/** One `<meta>` element: Open Graph uses `property`, Twitter uses `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

/** Absolute URL of a root-relative path on the site. */
export const absoluteUrl = (path: string): string => new URL(path, site.url).href;

/** Path of the generated social image of a page: `/blog/2022/x/` → `/og/blog/2022/x.png`. */
export const socialImagePath = (pageUrl: string): string => `/og/${pageUrl.replace(/^\/+|\/+$/g, '') || 'index'}.png`;

/** Path of the site's own social image, used by every page without one of its own. */
export const SITE_IMAGE_PATH = '/og/site.png';

/** Path of the cooperative's logo as a raster image, for JSON-LD (search engines want PNG, not SVG). */
export const LOGO_PATH = '/og/logo.png';

/** Edge length of the logo PNG. */
export const LOGO_SIZE = 512;

/** Host name shown on the cards: `www.hostsharing.net` → `hostsharing.net`. */
export const siteHost = (url: string = site.url): string => new URL(url).hostname.replace(/^www\./, '');

/** The generated card of an article: title, day of publication, the blog's name. */
export const articleCard = (title: string, date: Date): SocialCard => ({
  label: site.name,
  title,
  footerStart: formatDate(date),
  footerEnd: siteHost(),
});

/** The site's own card: its name and description. */
export const siteCard = (): SocialCard => ({
  label: site.cooperative,
  title: site.name,
  lead: site.description,
  footerStart: '',
  footerEnd: siteHost(),
});

/** The `og:image` of a generated card. */
export const cardImage = (path: string, alt: string): SeoImage => ({
  url: absoluteUrl(path),
  ...SOCIAL_IMAGE,
  alt,
  type: 'image/png',
});

/** The image of pages without one of their own. */
export const siteImage = (): SeoImage => cardImage(SITE_IMAGE_PATH, ui.seo.siteImageAlt(site.name));

/** Open Graph, `article:*` and Twitter card tags of a page. */
export function metaTags(page: {
  title: string;
  description: string;
  /** The canonical URL. */
  url: string;
  image: SeoImage;
  article?: ArticleFacts | undefined;
}): MetaTag[] {
  const { image, article } = page;
  const tags: MetaTag[] = [
    { property: 'og:type', content: article ? 'article' : 'website' },
    { property: 'og:title', content: page.title },
    { property: 'og:description', content: page.description },
    { property: 'og:url', content: page.url },
    { property: 'og:site_name', content: site.name },
    { property: 'og:locale', content: site.ogLocale },
    { property: 'og:image', content: image.url },
    { property: 'og:image:type', content: image.type },
    { property: 'og:image:width', content: String(image.width) },
    { property: 'og:image:height', content: String(image.height) },
    { property: 'og:image:alt', content: image.alt },
    // X/Twitter reads title, description and image from the Open Graph tags above.
    { name: 'twitter:card', content: 'summary_large_image' },
    { name: 'twitter:image:alt', content: image.alt },
  ];
  if (article) {
    tags.push(
      { property: 'article:published_time', content: toIsoDateTime(article.published) },
      { property: 'article:modified_time', content: toIsoDateTime(article.modified) },
    );
    if (article.authorUrl !== undefined) tags.push({ property: 'article:author', content: article.authorUrl });
    for (const tag of article.tags) tags.push({ property: 'article:tag', content: tag });
  }
  return tags;
}

const ORGANIZATION_ID = `${absoluteUrl('/')}#organization`;
const WEBSITE_ID = `${absoluteUrl('/')}#website`;
const BLOG_ID = `${absoluteUrl('/')}#blog`;

/** The cooperative that publishes the blog, with its logo. */
export const publisher = (): Organization => ({
  '@type': 'Organization',
  '@id': ORGANIZATION_ID,
  name: site.cooperative,
  url: absoluteUrl('/'),
  logo: { '@type': 'ImageObject', url: absoluteUrl(LOGO_PATH) },
});

/** JSON-LD of the home page: the web site, the blog on it and the cooperative behind both. */
export const homeJsonLd = (): Graph => ({
  '@context': 'https://schema.org',
  '@graph': [
    {
      '@type': 'WebSite',
      '@id': WEBSITE_ID,
      name: site.name,
      description: site.description,
      url: absoluteUrl('/'),
      inLanguage: site.feedLanguage,
      publisher: { '@id': ORGANIZATION_ID },
    } satisfies WebSite,
    {
      '@type': 'Blog',
      '@id': BLOG_ID,
      name: site.name,
      description: site.description,
      url: absoluteUrl('/'),
      inLanguage: site.feedLanguage,
      isPartOf: { '@id': WEBSITE_ID },
      publisher: { '@id': ORGANIZATION_ID },
    } satisfies Blog,
    publisher(),
  ],
});

/** JSON-LD of an article: a `BlogPosting` by its author (or the cooperative), published by the cooperative. */
export function blogPostingJsonLd(post: {
  title: string;
  description: string;
  /** Canonical URL. */
  url: string;
  published: Date;
  modified: Date;
  image: SeoImage;
  tags: readonly string[];
  author?: { name: string; url: string } | undefined;
}): WithContext<BlogPosting> {
  const author: Person | Organization = post.author
    ? { '@type': 'Person', name: post.author.name, url: post.author.url }
    : publisher();
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.description,
    url: post.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': post.url },
    datePublished: toIsoDateTime(post.published),
    dateModified: toIsoDateTime(post.modified),
    inLanguage: site.feedLanguage,
    image: [post.image.url],
    ...(post.tags.length > 0 ? { keywords: post.tags.join(', ') } : {}),
    author,
    publisher: publisher(),
    isPartOf: { '@id': BLOG_ID },
  };
}

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`. `<` is escaped, so no value
 * (a title with "</script>") can end the element early.
 */
export const jsonLdText = (data: JsonLd): string => JSON.stringify(data).replace(/</g, '\\u003c');
