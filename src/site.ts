/**
 * Site-wide constants: the one place for the site URL, names, paging and time zone.
 * `SITE_URL` may override the URL for staging builds; everything else is edited here.
 */
export const site = {
  /** Absolute origin the site is served from; feeds and canonical links are built on it. */
  // `process` is absent in the browser, where the web editor's form check reads the settings too.
  url: (typeof process === 'undefined' ? undefined : process.env['SITE_URL']) ?? 'https://www.hostsharing.net',
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
  /**
   * The web editor at /admin/ (Decap CMS): the forge it signs in to and commits to. Replace the
   * example by the cooperative's Forgejo/Gitea, GitLab or GitHub (content/README.md, "Im Browser schreiben").
   */
  editor: {
    backend: {
      name: 'forgejo',
      repo: 'redaktion/blog',
      api_root: 'https://git.example.org/api/v1',
      app_id: 'oauth2-client-id-des-blogs',
      branch: 'main',
    },
    /** A branch and a merge request per post, merged when the post is ready. */
    editorialWorkflow: true,
    /** Port of the local backend (`npm run redaktion`), on 127.0.0.1 only. */
    localPort: 8081,
  },
} as const;
