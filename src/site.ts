/**
 * Site-wide constants: the one place for the site URL, names, paging and time zone.
 * `SITE_URL` may override the URL for staging builds; everything else is edited here.
 */
export const site = {
  /** Absolute origin the site is served from; feeds and canonical links are built on it. */
  url: process.env['SITE_URL'] ?? 'https://www.hostsharing.net',
  /** Name shown in the header, in page titles and as the feed title. */
  name: 'Hostsharing Blog',
  /** The cooperative that publishes the blog. */
  cooperative: 'Hostsharing eG',
  /** Default meta description for pages without their own. */
  description:
    'Neuigkeiten, Erfahrungsberichte und Technik aus der Hosting-Genossenschaft Hostsharing eG.',
  /** Posts on each index page. */
  postsPerPage: 5,
  /**
   * Newest posts in each feed (site and topics), each with its full text. Feed readers poll for
   * what is new; a full-text feed of every post would grow with the archive on every poll.
   */
  feedItems: 20,
  /** Publication dates are calendar days in this zone, whatever zone the build machine uses. */
  timeZone: 'Europe/Berlin',
  /** `lang` of every page. */
  lang: 'de',
  /** `<language>` of the feeds. */
  feedLanguage: 'de-DE',
  /** `og:locale` of every page (Open Graph writes language_TERRITORY). */
  ogLocale: 'de_DE',
} as const;
